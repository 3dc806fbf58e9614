//! Where the plan stands on a day: each task, target and periodic report judged on the
//! validated model alone (`status`), and who owes which report (`reporting`).

pub mod reporting;
pub mod status;
