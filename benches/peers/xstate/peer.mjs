// Peer (b): the reference scenario (benches/reference.yaml) with XState 5 on Node.
//
// One machine per track (the bill, the treaty, the Senate's consent, the two lawsuits),
// created once; each trial starts a fresh actor of each (XState's actor API: actors are
// not reset, they are created) and sends the 20 events in order, after the timers due by
// then (the notice's anniversary, the bill's ten days). An event with no transition from
// the current state is ignored, as treatysim passes over an event that has become
// impossible. Votes carry a `carries` flag that guards read. Binomial votes are drawn by
// inverting a precomputed CDF; each trial has its own generator (splitmix64 seeded from
// the seed and the trial number).
//
// node peer.mjs --trials N --seed S [--part K --parts P]   prints one JSON line.
import { createActor, createMachine } from 'xstate';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const trials = arg('--trials', 50000);
const seed = arg('--seed', 1);
const part = arg('--part', 0);
const parts = arg('--parts', 1);

function rngFor(n) {
  let s = BigInt.asUintN(64, BigInt(seed) * 1000003n + BigInt(n));
  return () => {
    s = BigInt.asUintN(64, s + 0x9e3779b97f4a7c15n);
    let z = s;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    z ^= z >> 31n;
    return Number(z >> 11n) / 2 ** 53;
  };
}

function binomialCdf(n, p) {
  const cdf = [];
  let acc = 0;
  let logC = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log(n - k + 1) - Math.log(k);
    acc += Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
    cdf.push(acc);
  }
  cdf[n] = 1;
  return cdf;
}
function drawBinomial(rng, cdf) {
  const x = rng();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
const majority = (y, n, sworn) => y + n >= Math.floor(sworn / 2) + 1 && y > n && y >= 1;
const twoThirds = (y, n, sworn) => y + n >= Math.floor(sworn / 2) + 1 && y * 3 >= (y + n) * 2 && y >= 1;
const carried = ({ event }) => event.carries;
const notCarried = ({ event }) => !event.carries;
const allowed = ({ event }) => event.allowed;

const bill = createMachine({
  id: 'bill',
  initial: 'not_introduced',
  states: {
    not_introduced: { on: { INTRODUCE: 'introduced' } },
    introduced: {
      on: { HOUSE_VOTE: [{ target: 'passed_house', guard: carried }, { target: 'failed' }] },
    },
    passed_house: {
      on: {
        SENATE_VOTE: [
          { target: 'passed_both', guard: ({ event }) => event.allowed && event.carries },
          { target: 'failed', guard: ({ event }) => event.allowed && !event.carries },
        ],
      },
    },
    passed_both: { on: { PRESENT: 'presented' } },
    presented: { on: { VETO: 'vetoed', TEN_DAYS: 'enacted' } },
    vetoed: {
      on: { OVERRIDE_HOUSE: [{ target: 'overridden_by_origin', guard: carried }, { target: 'veto_sustained', guard: notCarried }] },
    },
    overridden_by_origin: {
      on: { OVERRIDE_SENATE: [{ target: 'enacted', guard: carried }, { target: 'veto_sustained', guard: notCarried }] },
    },
    enacted: { type: 'final' },
    failed: { type: 'final' },
    veto_sustained: { type: 'final' },
  },
});
const treaty = createMachine({
  id: 'treaty',
  initial: 'party',
  states: {
    party: { on: { GIVE_NOTICE: 'notice_pending' } },
    notice_pending: {
      // An injunction standing when the year runs out is obeyed: the notice is revoked.
      on: { ANNIVERSARY: [{ target: 'withdrawn', guard: ({ event }) => !event.enjoined }, { target: 'party' }] },
    },
    withdrawn: { type: 'final' },
  },
});
const consent = createMachine({
  id: 'consent',
  initial: 'not_consented',
  states: {
    not_consented: { on: { CONSENT_VOTE: { target: 'consented', guard: carried } } },
    consented: {},
  },
});
const lawsuit = createMachine({
  id: 'case',
  initial: 'not_filed',
  states: {
    not_filed: { on: { FILE_SUIT: { target: 'district', guard: allowed } } },
    district: { on: { RULE: 'district_ruled' } },
    district_ruled: { on: { RULE: 'district_ruled', APPEAL: 'appeals' } },
    appeals: { on: { RULE: 'appeals_ruled' } },
    appeals_ruled: { on: { RULE: 'appeals_ruled' } },
  },
});

const day = (y, m, d) => Math.round(Date.UTC(y, m - 1, d) / 86400000);
const EVENTS = [
  [day(2027, 1, 10), 'announce'], [day(2027, 1, 15), 'consult'], [day(2027, 1, 20), 'notify'],
  [day(2027, 2, 1), 'introduce'], [day(2027, 2, 15), 'house_vote'], [day(2027, 3, 1), 'cloture'],
  [day(2027, 3, 3), 'senate_vote', [55, 45]], [day(2027, 3, 6), 'present'], [day(2027, 3, 10), 'veto'],
  [day(2027, 3, 24), 'override_house', [300, 130]], [day(2027, 3, 26), 'override_senate', [70, 30]],
  [day(2027, 3, 31), 'consent_cloture', [62, 38]], [day(2027, 4, 1), 'consent_vote'], [day(2027, 8, 1), 'give_notice'],
  [day(2027, 10, 1), 'authorize_suit', [55, 45]], [day(2027, 10, 5), 'file_suit', 0],
  [day(2027, 10, 6), 'file_suit', 1], [day(2028, 2, 1), 'rule', [1, false]],
  [day(2028, 3, 1), 'rule', [0, true]], [day(2028, 4, 1), 'appeal', 0], [day(2028, 9, 15), 'rule', [0, false]],
];
function tenDaysSundaysExcepted(start) {
  let d = start;
  let counted = 0;
  while (counted < 10) {
    d += 1;
    if (new Date(d * 86400000).getUTCDay() !== 0) counted += 1;
  }
  return d;
}

const houseCdf = binomialCdf(430, 0.52);
const clotureCdf = binomialCdf(100, 0.58);
const consentCdf = binomialCdf(100, 0.6);
const anniversary = day(2028, 8, 1);
const returnDue = tenDaysSundaysExcepted(day(2027, 3, 6)) + 1;
const counts = {
  trials: 0, withdrawn: 0, notice_pending: 0, enjoined: 0, lawful: 0, breach_a: 0, breach_c: 0,
  enacted: 0, effective_2028_08_01: 0, party: 0,
};
const first = Math.floor((trials * part) / parts);
const last = Math.floor((trials * (part + 1)) / parts);
const start = process.hrtime.bigint();
for (let n = first; n < last; n++) {
  const rng = rngFor(n);
  const consultHappens = rng() < 0.6;
  const houseYeas = drawBinomial(rng, houseCdf);
  const clotureYeas = drawBinomial(rng, clotureCdf);
  const vetoHappens = rng() < 0.5;
  const consentYeas = drawBinomial(rng, consentCdf);
  const x = rng();
  const drawnUnlawful = x >= 0.5 && x < 0.9;
  const drawnInvalid = x >= 0.9;

  const b = createActor(bill).start();
  const t = createActor(treaty).start();
  const c = createActor(consent).start();
  const cases = [createActor(lawsuit).start(), createActor(lawsuit).start()];
  let consulted = false; let notification = null; let cloture = false; let consentCloture = false;
  let billDue = null; let noticeDue = null; let effective = null;
  let breachA = false; let breachC = false; let senateSuit = false;
  const injunction = [false, false];
  const invalid = [false, false];

  for (const [date, kind, a] of EVENTS) {
    for (;;) {
      const td = noticeDue !== null && noticeDue <= date ? noticeDue : null;
      const bd = billDue !== null && billDue <= date ? billDue : null;
      if (td !== null && (bd === null || td <= bd)) {
        noticeDue = null;
        t.send({ type: 'ANNIVERSARY', enjoined: injunction[0] || injunction[1] });
        if (t.getSnapshot().value === 'withdrawn') effective = td;
      } else if (bd !== null) {
        billDue = null;
        b.send({ type: 'TEN_DAYS' });
      } else break;
    }
    switch (kind) {
      case 'consult': consulted = consulted || consultHappens; break;
      case 'notify': if (consulted && notification === null) notification = date; break;
      case 'introduce': b.send({ type: 'INTRODUCE' }); break;
      case 'house_vote': b.send({ type: 'HOUSE_VOTE', carries: majority(houseYeas, 430 - houseYeas, 435) }); break;
      case 'cloture': {
        const s = b.getSnapshot().value;
        if ((s === 'introduced' || s === 'passed_house') && clotureYeas * 5 >= 300) cloture = true;
        break;
      }
      case 'senate_vote': b.send({ type: 'SENATE_VOTE', allowed: cloture, carries: majority(a[0], a[1], 100) }); break;
      case 'present':
        b.send({ type: 'PRESENT' });
        if (b.getSnapshot().value === 'presented') billDue = returnDue;
        break;
      case 'veto':
        if (vetoHappens && b.getSnapshot().value === 'presented') { b.send({ type: 'VETO' }); billDue = null; }
        break;
      case 'override_house': b.send({ type: 'OVERRIDE_HOUSE', carries: twoThirds(a[0], a[1], 435) }); break;
      case 'override_senate': b.send({ type: 'OVERRIDE_SENATE', carries: twoThirds(a[0], a[1], 100) }); break;
      case 'consent_cloture': consentCloture = a[0] * 5 >= 300; break;
      case 'consent_vote':
        // Filibustered: the vote needs cloture on the resolution first.
        c.send({ type: 'CONSENT_VOTE', carries: consentCloture && twoThirds(consentYeas, 100 - consentYeas, 100) });
        consentCloture = false;
        break;
      case 'give_notice':
        if (t.getSnapshot().value === 'party') {
          const authorized = c.getSnapshot().value === 'consented' || b.getSnapshot().value === 'enacted';
          breachA = breachA || !authorized;
          breachC = breachC || notification === null || date - notification < 180;
          t.send({ type: 'GIVE_NOTICE' });
          noticeDue = anniversary;
        }
        break;
      case 'authorize_suit': senateSuit = senateSuit || majority(a[0], a[1], 100); break;
      case 'file_suit': cases[a].send({ type: 'FILE_SUIT', allowed: a !== 0 || senateSuit }); break;
      case 'rule': {
        const [k, drawn] = a;
        const before = cases[k].getSnapshot().value;
        cases[k].send({ type: 'RULE' });
        if (before !== 'not_filed') {
          injunction[k] = drawn && drawnUnlawful;
          invalid[k] = drawn && drawnInvalid;
        }
        break;
      }
      case 'appeal': cases[a].send({ type: 'APPEAL' }); break;
      default: break;
    }
  }
  const setAside = invalid[0] || invalid[1];
  const treatyState = t.getSnapshot().value;
  counts.trials += 1;
  counts.withdrawn += treatyState === 'withdrawn' ? 1 : 0;
  counts.notice_pending += treatyState === 'notice_pending' ? 1 : 0;
  counts.enacted += b.getSnapshot().value === 'enacted' ? 1 : 0;
  counts.enjoined += injunction[0] || injunction[1] ? 1 : 0;
  counts.breach_a += breachA && !setAside ? 1 : 0;
  counts.breach_c += breachC && !setAside ? 1 : 0;
  counts.lawful += setAside || !(breachA || breachC) ? 1 : 0;
  counts.effective_2028_08_01 += effective === anniversary ? 1 : 0;
  counts.party += treatyState === 'party' ? 1 : 0;
  for (const actor of [b, t, c, ...cases]) actor.stop();
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ impl: 'XState 5', seconds: Number(seconds.toFixed(4)), ...counts }));
