//! The Batch Services pages' words: list, details, Deploy, Modify and their dialogs, and the
//! Events and Billing tabs and Stop/Delete dialogs that real-time services share.

pub struct Batch {
    pub deploy: &'static str,
    /// A row's checkbox, by the service's name.
    pub select_service: fn(&str) -> String,
    pub model_version_column: &'static str,
    /// The empty list, by the region's name.
    pub no_services_in: fn(&str) -> String,
    pub no_match: &'static str,
    /// A row's compute nodes under its specifications.
    pub compute_nodes_of: fn(u32) -> String,

    pub basic_information: &'static str,
    pub name_hint: &'static str,
    pub service_parameters: &'static str,
    pub model: &'static str,
    pub version: &'static str,
    pub input_path_hint: &'static str,
    pub request_path_hint: &'static str,
    pub output_path_hint: &'static str,
    pub csv_mapping: &'static str,
    /// The CSV column asked for one input field of the model.
    pub column_index: fn(&str) -> String,
    /// The hint of Compute Nodes, by its maximum.
    pub compute_nodes_hint: fn(u32) -> String,
    /// Before the live price under the Deploy form.
    pub price_line: &'static str,
    /// The live price before specifications and compute nodes are valid.
    pub price_unset: &'static str,
    /// A price per hour, billed only while running.
    pub per_hour_running: fn(&str) -> String,
    /// After the live price: the account's limit of batch services.
    pub quota_note: fn(&str) -> String,
    pub confirm_deployment: &'static str,
    /// The Confirm Deployment dialog's lead.
    pub deploy_summary: &'static str,

    pub details: &'static str,
    pub not_found: &'static str,
    /// The missing service's page: this, its id, then `not_found_after`.
    pub not_found_before: &'static str,
    pub not_found_after: &'static str,
    pub back_to_list: &'static str,
    pub service_information: &'static str,
    pub id: &'static str,
    pub started: &'static str,
    /// When the service finished (a time, not the status).
    pub completed: &'static str,
    pub error_message: &'static str,

    pub modify_service: &'static str,
    pub restart_warning: &'static str,
    pub changes: &'static str,
    pub parameter: &'static str,
    pub current: &'static str,
    pub new_value: &'static str,

    pub events_kept: &'static str,
    pub time: &'static str,
    /// An event's type column.
    pub event_type: &'static str,
    pub message: &'static str,

    pub billed_duration: &'static str,
    pub accrued_cost: &'static str,
    pub billing_rule: &'static str,
    pub billing_rule_text: &'static str,
    pub price_per_version: &'static str,
    /// A model version's price per hour.
    pub version_price: fn(&str, &str) -> String,
    pub runs: &'static str,
    pub run_costs_title: &'static str,
    pub cost: &'static str,
    pub not_billed: &'static str,
    /// The chart's summary for one run, by its cost.
    pub one_run_cost: fn(&str) -> String,
    /// The chart's summary: number of runs, total cost, highest cost.
    pub run_costs: fn(usize, &str, &str) -> String,
    pub start: &'static str,
    pub end: &'static str,
    pub duration: &'static str,
    /// A run's price per hour.
    pub per_hour: fn(&str) -> String,

    pub delete_service: &'static str,
    pub delete_one: &'static str,
    pub delete_many: &'static str,
    pub services_to_delete: &'static str,
    pub delete_skipped: &'static str,
    pub services_refused: &'static str,
    /// After a skipped service's name: why it cannot be deleted.
    pub refusal_reason: fn(&str) -> String,
    pub delete_warning: &'static str,
    pub stop_service: &'static str,
    pub stop_question: &'static str,
    pub stop_warning_batch: &'static str,
    pub stop_warning_real_time: &'static str,
}
