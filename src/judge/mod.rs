//! Where the plan stands on a day: each task, target and periodic report judged on the
//! validated model alone (`status`), and who owes which report (`reports_owed`).

pub mod reports_owed;
pub mod status;
