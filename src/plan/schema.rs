//! The JSON Schema (draft-07) of a plan file, generated from the same types
//! the loader reads, for editors with TOML support (Taplo, Even Better TOML).

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

use super::file::{
    ComponentIndex, PlanHeader, PublishedResult, Record, ReportingDuty, Target, Task, Unit,
};

/// The schema file written beside a new plan, named by its `#:schema` line.
pub const SCHEMA_FILE_NAME: &str = "plan.schema.json";

/// The whole file. Only the schema uses this type: the loader reads each
/// part on its own so that one bad entry does not hide the others.
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "ddci plan",
    description = "A DDCI improvement plan (docs/plan-format.md)"
)]
#[allow(dead_code)] // read by the derive, never built
struct PlanDocument {
    plan: PlanHeader,
    #[serde(default)]
    units: Vec<Unit>,
    #[serde(default)]
    indices: Vec<ComponentIndex>,
    #[serde(default)]
    tasks: Vec<Task>,
    #[serde(default)]
    targets: Vec<Target>,
    #[serde(default)]
    reporting: Vec<ReportingDuty>,
    #[serde(default)]
    results: Vec<PublishedResult>,
}

/// The schema as JSON.
pub fn json_schema() -> serde_json::Value {
    let mut generator = SchemaSettings::draft07().into_generator();
    // Records are read apart from their task or target, so the types skip
    // them; the file has them, and so does the schema.
    let record = generator.subschema_for::<Record>();
    let root = generator.into_root_schema_for::<PlanDocument>();
    let mut schema = serde_json::to_value(root).unwrap_or_default();
    let records = serde_json::json!({
        "description": "Progress records, appended by `ddci record` (docs/plan-format.md#records-progress-and-measurements).",
        "type": "array",
        "items": record,
    });
    for owner in ["Task", "Target", "ReportingDuty"] {
        if let Some(properties) = schema
            .pointer_mut(&format!("/definitions/{owner}/properties"))
            .and_then(serde_json::Value::as_object_mut)
        {
            properties.insert("records".to_owned(), records.clone());
        }
    }
    schema
}
