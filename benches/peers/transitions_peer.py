"""Peer (a): the reference scenario (benches/reference.yaml) with Python's `transitions`.

One state machine per track (the bill, the treaty, the Senate's consent, the two
lawsuits), built once; each trial puts every model back at its start and fires the 20
events in order, after the timers due by then (the notice's anniversary, the bill's
ten days). An event with no transition from the current state is passed over
(`ignore_invalid_triggers`), as treatysim passes over an event that has become
impossible. Binomial votes are drawn by inverting a precomputed CDF; each trial has its
own generator seeded from the seed and the trial number.

python3 transitions_peer.py --trials N --seed S [--part K --parts P]
prints one JSON line.
"""

import argparse
import bisect
import datetime
import json
import math
import random
import time

from transitions import Machine


def day(y, m, d):
    return datetime.date(y, m, d).toordinal()


def binomial_cdf(n, p):
    cdf, acc = [], 0.0
    for k in range(n + 1):
        acc += math.comb(n, k) * p**k * (1 - p) ** (n - k)
        cdf.append(acc)
    cdf[-1] = 1.0
    return cdf


def draw_binomial(rng, cdf):
    return bisect.bisect_left(cdf, rng.random())


def majority(yeas, nays, sworn):
    return yeas + nays >= sworn // 2 + 1 and yeas > nays and yeas >= 1


def two_thirds(yeas, nays, sworn):
    return yeas + nays >= sworn // 2 + 1 and yeas * 3 >= (yeas + nays) * 2 and yeas >= 1


class Model:
    """A track's model; `carries` is set before a vote's trigger fires."""

    def __init__(self):
        self.carries = False
        self.allowed = True

    def is_carried(self):
        return self.carries

    def is_allowed(self):
        return self.allowed


BILL = dict(
    states=["not_introduced", "introduced", "passed_house", "passed_both", "presented",
            "vetoed", "overridden_by_origin", "enacted", "failed", "veto_sustained"],
    transitions=[
        dict(trigger="introduce", source="not_introduced", dest="introduced"),
        dict(trigger="house_vote", source="introduced", dest="passed_house", conditions="is_carried"),
        dict(trigger="house_vote", source="introduced", dest="failed", unless="is_carried"),
        dict(trigger="senate_vote", source="passed_house", dest="passed_both",
             conditions=["is_allowed", "is_carried"]),
        dict(trigger="senate_vote", source="passed_house", dest="failed",
             conditions="is_allowed", unless="is_carried"),
        dict(trigger="present", source="passed_both", dest="presented"),
        dict(trigger="veto", source="presented", dest="vetoed"),
        dict(trigger="ten_days", source="presented", dest="enacted"),
        dict(trigger="override_house", source="vetoed", dest="overridden_by_origin", conditions="is_carried"),
        dict(trigger="override_house", source="vetoed", dest="veto_sustained", unless="is_carried"),
        dict(trigger="override_senate", source="overridden_by_origin", dest="enacted", conditions="is_carried"),
        dict(trigger="override_senate", source="overridden_by_origin", dest="veto_sustained", unless="is_carried"),
    ],
    initial="not_introduced",
)

TREATY = dict(
    states=["party", "notice_pending", "withdrawn"],
    transitions=[
        dict(trigger="give_notice", source="party", dest="notice_pending"),
        dict(trigger="anniversary", source="notice_pending", dest="withdrawn", unless="is_allowed"),
        # An injunction standing when the year runs out is obeyed: the notice is revoked.
        dict(trigger="anniversary", source="notice_pending", dest="party", conditions="is_allowed"),
    ],
    initial="party",
)

CONSENT = dict(
    states=["not_consented", "consented"],
    transitions=[dict(trigger="consent_vote", source="not_consented", dest="consented", conditions="is_carried")],
    initial="not_consented",
)

CASE = dict(
    states=["not_filed", "district", "district_ruled", "appeals", "appeals_ruled"],
    transitions=[
        dict(trigger="file_suit", source="not_filed", dest="district", conditions="is_allowed"),
        dict(trigger="rule", source=["district", "district_ruled"], dest="district_ruled"),
        dict(trigger="rule", source=["appeals", "appeals_ruled"], dest="appeals_ruled"),
        dict(trigger="appeal", source="district_ruled", dest="appeals"),
    ],
    initial="not_filed",
)


def machine(spec):
    model = Model()
    m = Machine(model=model, states=spec["states"], transitions=spec["transitions"],
                initial=spec["initial"], ignore_invalid_triggers=True, auto_transitions=False)
    return m, model, spec["initial"]


EVENTS = [
    (day(2027, 1, 10), "announce", None), (day(2027, 1, 15), "consult", None),
    (day(2027, 1, 20), "notify", None), (day(2027, 2, 1), "introduce", None),
    (day(2027, 2, 15), "house_vote", None), (day(2027, 3, 1), "cloture", None),
    (day(2027, 3, 3), "senate_vote", (55, 45)), (day(2027, 3, 6), "present", None),
    (day(2027, 3, 10), "veto", None), (day(2027, 3, 24), "override_house", (300, 130)),
    (day(2027, 3, 26), "override_senate", (70, 30)), (day(2027, 3, 31), "consent_cloture", (62, 38)),
    (day(2027, 4, 1), "consent_vote", None),
    (day(2027, 8, 1), "give_notice", None), (day(2027, 10, 1), "authorize_suit", (55, 45)),
    (day(2027, 10, 5), "file_suit", 0), (day(2027, 10, 6), "file_suit", 1),
    (day(2028, 2, 1), "rule", (1, False)), (day(2028, 3, 1), "rule", (0, True)),
    (day(2028, 4, 1), "appeal", 0), (day(2028, 9, 15), "rule", (0, False)),
]


def ten_days_sundays_excepted(start):
    d, counted = start, 0
    while counted < 10:
        d += 1
        if datetime.date.fromordinal(d).weekday() != 6:
            counted += 1
    return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--part", type=int, default=0)
    ap.add_argument("--parts", type=int, default=1)
    a = ap.parse_args()

    house_cdf, cloture_cdf, consent_cdf = binomial_cdf(430, 0.52), binomial_cdf(100, 0.58), binomial_cdf(100, 0.6)
    anniversary = day(2028, 8, 1)
    return_due = ten_days_sundays_excepted(day(2027, 3, 6)) + 1
    bill_m, bill, _ = machine(BILL)
    treaty_m, treaty, _ = machine(TREATY)
    consent_m, consent, _ = machine(CONSENT)
    cases = [machine(CASE), machine(CASE)]
    counts = dict(trials=0, withdrawn=0, notice_pending=0, enjoined=0, lawful=0, breach_a=0,
                  breach_c=0, enacted=0, effective_2028_08_01=0, party=0)
    first = a.trials * a.part // a.parts
    last = a.trials * (a.part + 1) // a.parts
    start = time.perf_counter()
    for n in range(first, last):
        rng = random.Random(a.seed * 1_000_003 + n)
        consult_happens = rng.random() < 0.6
        house_yeas = draw_binomial(rng, house_cdf)
        cloture_yeas = draw_binomial(rng, cloture_cdf)
        veto_happens = rng.random() < 0.5
        consent_yeas = draw_binomial(rng, consent_cdf)
        x = rng.random()
        drawn_unlawful, drawn_invalid = 0.5 <= x < 0.9, x >= 0.9

        bill_m.set_state("not_introduced", model=bill)
        treaty_m.set_state("party", model=treaty)
        consent_m.set_state("not_consented", model=consent)
        for m, model, initial in cases:
            m.set_state(initial, model=model)
        consulted, notification, cloture, consent_cloture = False, None, False, False
        bill_due = notice_due = effective = None
        breach_a = breach_c = senate_suit = False
        injunction, invalid = [False, False], [False, False]

        for date, kind, arg in EVENTS:
            while True:
                t = notice_due if notice_due is not None and notice_due <= date else None
                b = bill_due if bill_due is not None and bill_due <= date else None
                if t is not None and (b is None or t <= b):
                    notice_due = None
                    treaty.allowed = injunction[0] or injunction[1]
                    treaty.trigger("anniversary")
                    if treaty.state == "withdrawn":
                        effective = t
                elif b is not None:
                    bill_due = None
                    bill.trigger("ten_days")
                else:
                    break
            if kind == "consult":
                consulted = consulted or consult_happens
            elif kind == "notify":
                if consulted and notification is None:
                    notification = date
            elif kind == "introduce":
                bill.trigger("introduce")
            elif kind == "house_vote":
                bill.carries = majority(house_yeas, 430 - house_yeas, 435)
                bill.trigger("house_vote")
            elif kind == "cloture":
                if bill.state in ("introduced", "passed_house") and cloture_yeas * 5 >= 300:
                    cloture = True
            elif kind == "senate_vote":
                bill.allowed, bill.carries = cloture, majority(arg[0], arg[1], 100)
                bill.trigger("senate_vote")
            elif kind == "present":
                bill.trigger("present")
                if bill.state == "presented":
                    bill_due = return_due
            elif kind == "veto":
                if veto_happens and bill.state == "presented":
                    bill.trigger("veto")
                    bill_due = None
            elif kind == "override_house":
                bill.carries = two_thirds(arg[0], arg[1], 435)
                bill.trigger("override_house")
            elif kind == "override_senate":
                bill.carries = two_thirds(arg[0], arg[1], 100)
                bill.trigger("override_senate")
            elif kind == "consent_cloture":
                consent_cloture = arg[0] * 5 >= 300
            elif kind == "consent_vote":
                # Filibustered: the vote needs cloture on the resolution first.
                consent.carries = consent_cloture and two_thirds(consent_yeas, 100 - consent_yeas, 100)
                consent.trigger("consent_vote")
                consent_cloture = False
            elif kind == "give_notice":
                if treaty.state == "party":
                    authorized = consent.state == "consented" or bill.state == "enacted"
                    breach_a = breach_a or not authorized
                    breach_c = breach_c or notification is None or date - notification < 180
                    treaty.trigger("give_notice")
                    notice_due = anniversary
            elif kind == "authorize_suit":
                senate_suit = senate_suit or majority(arg[0], arg[1], 100)
            elif kind == "file_suit":
                m, model, _ = cases[arg]
                model.allowed = arg != 0 or senate_suit
                model.trigger("file_suit")
            elif kind == "rule":
                case, drawn = arg
                m, model, _ = cases[case]
                before = model.state
                model.trigger("rule")
                if before != "not_filed":
                    injunction[case] = drawn and drawn_unlawful
                    invalid[case] = drawn and drawn_invalid
            elif kind == "appeal":
                cases[arg][1].trigger("appeal")

        set_aside = invalid[0] or invalid[1]
        counts["trials"] += 1
        counts["withdrawn"] += treaty.state == "withdrawn"
        counts["notice_pending"] += treaty.state == "notice_pending"
        counts["enacted"] += bill.state == "enacted"
        counts["enjoined"] += injunction[0] or injunction[1]
        counts["breach_a"] += breach_a and not set_aside
        counts["breach_c"] += breach_c and not set_aside
        counts["lawful"] += set_aside or not (breach_a or breach_c)
        counts["effective_2028_08_01"] += effective == anniversary
        counts["party"] += treaty.state == "party"
    seconds = time.perf_counter() - start
    print(json.dumps(dict(impl="Python transitions", seconds=round(seconds, 4), **counts)))


if __name__ == "__main__":
    main()
