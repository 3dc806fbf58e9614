//! References into the validated plan: a unit, index, task or target by its
//! position, resolved once from the file's ids.

/// A unit, by its position in [`super::model::Plan::units`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitRef(pub usize);

/// A component index, by its position in [`super::model::Plan::indices`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndexRef(pub usize);

/// A task, by its position in [`super::model::Plan::tasks`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskRef(pub usize);

/// A target, by its position in [`super::model::Plan::targets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TargetRef(pub usize);
