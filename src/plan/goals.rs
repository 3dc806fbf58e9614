//! A target's goal through time: the goal it was set with, and each change
//! an amendment made from a date ("80% until 30 June, 90% from 1 July").
//! A judgement takes the goal in force on the day it judges.

use chrono::NaiveDate;

use super::goal::Goal;
use super::in_force::AmendmentRef;
use super::target_kind::TargetKind;

/// One goal and the day it came into force (`None`: the plan's start).
#[derive(Debug, Clone, PartialEq)]
pub struct GoalFrom {
    pub from: Option<NaiveDate>,
    pub goal: Goal,
    pub amendment: Option<AmendmentRef>,
}

/// A target's goals, oldest first; never empty, all of one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Goals(Vec<GoalFrom>);

impl Goals {
    /// A goal that never changes.
    pub fn single(goal: Goal) -> Self {
        Self(vec![GoalFrom {
            from: None,
            goal,
            amendment: None,
        }])
    }

    /// The goal as set and its changes after it, in date order.
    pub fn with_changes(goal: Goal, mut changes: Vec<GoalFrom>) -> Self {
        changes.sort_by_key(|change| change.from);
        let mut goals = vec![GoalFrom {
            from: None,
            goal,
            amendment: None,
        }];
        goals.extend(changes);
        Self(goals)
    }

    /// The goal in force on `day`.
    pub fn on(&self, day: NaiveDate) -> &Goal {
        &self
            .0
            .iter()
            .rev()
            .find(|goal| goal.from.is_none_or(|from| from <= day))
            .unwrap_or(&self.0[0])
            .goal
    }

    /// The goal as the plan first set it.
    pub fn first(&self) -> &Goal {
        &self.0[0].goal
    }

    /// The goal in force at the end (what a next year's plan carries on).
    pub fn last(&self) -> &Goal {
        &self.0[self.0.len() - 1].goal
    }

    /// The changes after the first goal, in date order.
    pub fn changes(&self) -> &[GoalFrom] {
        &self.0[1..]
    }

    /// The change that came into force on a day after `start` and on or
    /// before `end`: a comparison across it must say so.
    pub fn changed_between(&self, start: NaiveDate, end: NaiveDate) -> Option<&GoalFrom> {
        self.changes()
            .iter()
            .find(|change| change.from.is_some_and(|from| start < from && from <= end))
    }

    pub fn kind(&self) -> TargetKind {
        self.first().kind()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn the_goal_in_force_on_each_side_of_its_change() {
        let goals = Goals::with_changes(
            Goal::PercentAtLeast {
                percent: 80.0,
                of: None,
            },
            vec![GoalFrom {
                from: Some(day("2025-07-01")),
                goal: Goal::PercentAtLeast {
                    percent: 90.0,
                    of: None,
                },
                amendment: Some(AmendmentRef(0)),
            }],
        );
        let percent = |goal: &Goal| match goal {
            Goal::PercentAtLeast { percent, .. } => *percent,
            _ => f64::NAN,
        };
        let cases = [
            ("2025-01-01", 80.0),
            ("2025-06-30", 80.0),
            ("2025-07-01", 90.0),
            ("2025-07-02", 90.0),
        ];
        for (text, expected) in cases {
            assert!(
                (percent(goals.on(day(text))) - expected).abs() < f64::EPSILON,
                "{text}"
            );
        }
        assert!(
            goals
                .changed_between(day("2025-04-01"), day("2025-06-30"))
                .is_none()
        );
        assert!(
            goals
                .changed_between(day("2025-06-30"), day("2025-07-01"))
                .is_some()
        );
        assert!(
            goals
                .changed_between(day("2025-07-01"), day("2025-09-30"))
                .is_none()
        );
        assert!((percent(goals.first()) - 80.0).abs() < f64::EPSILON);
        assert!((percent(goals.last()) - 90.0).abs() < f64::EPSILON);
    }
}
