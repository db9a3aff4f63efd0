//! The statistics of an ensemble: Wilson score intervals for shares, and quantiles of
//! dates from their counts.

use std::collections::BTreeMap;

use jiff::civil::Date;

/// A share of trials with its 95% confidence interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub count: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

/// The 97.5th percentile of the standard normal distribution.
const Z: f64 = 1.959_963_984_540_054;

/// The Wilson score interval (95%) for `count` successes in `trials`: unlike the normal
/// approximation it stays within [0, 1] and is sound near 0 and 1 and for few trials.
pub fn wilson(count: u64, trials: u64) -> Interval {
    if trials == 0 {
        return Interval {
            count,
            share: 0.0,
            low: 0.0,
            high: 1.0,
        };
    }
    let n = trials as f64;
    let p = count as f64 / n;
    let z2 = Z * Z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    // At 0 and at all trials the bounds are exactly 0 and 1; rounding would miss them.
    Interval {
        count,
        share: p,
        low: if count == 0 {
            0.0
        } else {
            (centre - half).max(0.0)
        },
        high: if count >= trials {
            1.0
        } else {
            (centre + half).min(1.0)
        },
    }
}

/// The `q`-quantile (0 < q ≤ 1) of dates given by their counts: the earliest date by
/// which at least `q` of them had come.
pub fn quantile_dates(counts: &BTreeMap<Date, u64>, q: f64) -> Option<Date> {
    let total: u64 = counts.values().sum();
    if total == 0 {
        return None;
    }
    let needed = ((q * total as f64).ceil() as u64).clamp(1, total);
    let mut seen = 0;
    for (date, n) in counts {
        seen += n;
        if seen >= needed {
            return Some(*date);
        }
    }
    counts.keys().next_back().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_published_values() {
        // Newcombe (1998), Table I: 81/263 gives 0.2553 to 0.3662.
        let i = wilson(81, 263);
        assert!((i.low - 0.2553).abs() < 5e-4, "{i:?}");
        assert!((i.high - 0.3662).abs() < 5e-4, "{i:?}");
        // 0 of 10: from 0 to 0.2775; 10 of 10: from 0.7225 to 1.
        let none = wilson(0, 10);
        assert_eq!(none.low, 0.0);
        assert!((none.high - 0.2775).abs() < 5e-4, "{none:?}");
        let all = wilson(10, 10);
        assert!((all.low - 0.7225).abs() < 5e-4, "{all:?}");
        assert_eq!(all.high, 1.0);
    }

    #[test]
    fn wilson_narrows_with_trials_and_holds_the_share() {
        let small = wilson(30, 100);
        let large = wilson(30_000, 100_000);
        assert!(small.low < 0.3 && 0.3 < small.high);
        assert!(large.low < 0.3 && 0.3 < large.high);
        assert!(large.high - large.low < (small.high - small.low) / 10.0);
        assert_eq!(wilson(0, 0).high, 1.0, "no trials: nothing known");
    }

    #[test]
    fn date_quantiles_count_up_to_the_share() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let counts = BTreeMap::from([
            (d("2028-01-01"), 1),
            (d("2028-06-01"), 2),
            (d("2029-01-01"), 1),
        ]);
        assert_eq!(quantile_dates(&counts, 0.25), Some(d("2028-01-01")));
        assert_eq!(quantile_dates(&counts, 0.5), Some(d("2028-06-01")));
        assert_eq!(quantile_dates(&counts, 0.75), Some(d("2028-06-01")));
        assert_eq!(quantile_dates(&counts, 1.0), Some(d("2029-01-01")));
        assert_eq!(quantile_dates(&BTreeMap::new(), 0.5), None);
    }
}
