//! The Real-Time Services pages' words: list, details and its tabs, Deploy, Modify.

pub struct RealTime {
    pub deploy: &'static str,
    /// The list table's name.
    pub services_table: &'static str,
    /// A row's checkbox, by the service's name.
    pub select_row: fn(&str) -> String,
    pub model_version_column: &'static str,
    pub calls: &'static str,
    /// The empty list, by the region's name.
    pub none_in_region: fn(&str) -> String,
    pub no_match: &'static str,
    pub prediction: &'static str,
    pub off: &'static str,
    pub on: &'static str,
    pub not_found_title: &'static str,
    /// `The service ` before the id of a missing service.
    pub the_service: &'static str,
    /// After the id of a missing service.
    pub not_in_region: &'static str,
    /// After `not_in_region` on the details page.
    pub cannot_recover: &'static str,
    pub back_to_list: &'static str,
    /// The details page's tab list.
    pub tabs_label: &'static str,
    pub usage_guides: &'static str,
    pub configuration_updates: &'static str,
    pub monitoring: &'static str,
    pub logs: &'static str,
    /// The model source, on the details page.
    pub source: &'static str,
    pub service_id: &'static str,
    pub error_message: &'static str,
    pub basic_information: &'static str,
    pub service_parameters: &'static str,
    pub name_hint: &'static str,
    pub websocket_hint: &'static str,
    /// Before the price in the Deploy form's footer.
    pub price_label: &'static str,
    /// The price before the versions have specifications and nodes.
    pub price_pending: &'static str,
    /// A price per hour, by the amount.
    pub per_hour: fn(&str) -> String,
    /// After the price: the account's limit of real-time services.
    pub account_limit: fn(usize) -> String,
    pub confirm_deployment: &'static str,
    pub model: &'static str,
    /// A version's block and summary row, numbered from 1.
    pub model_version_n: fn(usize) -> String,
    /// The confirmation's row of a version: version, ratio, specifications, nodes, timeout.
    pub version_summary: fn(&str, u32, &str, u32, u32) -> String,
    /// The confirmation when the pool is short of nodes: retries, minutes between them.
    pub waiting_note: fn(u8, u64) -> String,
    pub deploying_note: &'static str,
    pub custom: &'static str,
    /// Auto Stop's checkbox.
    pub auto_stop_checkbox: &'static str,
    pub auto_stop_hint: &'static str,
    pub stop_after: &'static str,
    pub hours: &'static str,
    pub hours_hint: &'static str,
    pub model_source: &'static str,
    pub add_version: &'static str,
    /// A version block's Remove button, numbered from 1.
    pub remove_version_n: fn(usize) -> String,
    pub version: &'static str,
    pub traffic_hint: &'static str,
    /// Compute Nodes' range, by the maximum.
    pub nodes_hint: fn(u32) -> String,
    /// Timeout's range and default, in minutes.
    pub timeout_hint: fn(u32, u32, u32) -> String,
    /// The Modify page's title, by the service's name.
    pub modify_title: fn(&str) -> String,
    /// After WebSocket's On or Off on the Modify page.
    pub websocket_fixed: &'static str,
    pub supported: &'static str,
    pub not_supported: &'static str,
    /// Marks the upgrade table's cell that applies.
    pub this_upgrade: &'static str,
    pub upgrade_service: &'static str,
    pub changes_intro: &'static str,
    pub changes: &'static str,
    /// The upgrade table's name.
    pub scenarios: &'static str,
    pub meta_model_source: &'static str,
    pub public_pool: &'static str,
    pub dedicated_pool: &'static str,
    /// The chart's summary: total calls, the busiest minute's, failed calls.
    pub calls_summary: fn(&str, &str, &str) -> String,
    /// A model version in the chart's legend.
    pub version_series: fn(&str) -> String,
    /// The chart's line of failed calls.
    pub failed_calls_series: &'static str,
    pub calls_last_hour: &'static str,
    pub calls_per_version: &'static str,
    /// A version's calls in the last hour: version, calls.
    pub version_calls: fn(&str, &str) -> String,
    /// Failed calls in the last hour.
    pub failed_calls_total: fn(&str) -> String,
    /// The per-minute table's name.
    pub calls_per_minute_table: &'static str,
    pub minute: &'static str,
    /// The per-minute table's column of a version.
    pub calls_of: fn(&str) -> String,
    pub failed_calls: &'static str,
    pub cpu_usage: &'static str,
    pub memory_usage: &'static str,
    pub simulate_traffic: &'static str,
    pub simulate_note: &'static str,
    pub apply: &'static str,
    pub no_traffic: &'static str,
    /// The simulated calls per minute now.
    pub traffic_now: fn(u32) -> String,
    pub predict: &'static str,
    pub response: &'static str,
    pub result: &'static str,
    pub succeeded: &'static str,
    pub failed: &'static str,
    pub model_version: &'static str,
    pub latency: &'static str,
    pub existing_configuration: &'static str,
    /// The existing configuration's table name.
    pub existing_configuration_table: &'static str,
    pub historical_updates: &'static str,
    /// The update history's table name.
    pub historical_updates_table: &'static str,
    pub time: &'static str,
    /// The update history's column of the upgrade kind.
    pub upgrade: &'static str,
    pub no_updates: &'static str,
    pub updating: &'static str,
    pub url_copied: &'static str,
    pub url_copy_failed: &'static str,
    pub api_url: &'static str,
    pub copy: &'static str,
    pub method: &'static str,
    pub header: &'static str,
    /// After the `X-Auth-Token` header's name.
    pub iam_token: &'static str,
    pub sandbox_unreachable: &'static str,
    pub input_parameters: &'static str,
    /// The input parameters' table name.
    pub input_parameters_table: &'static str,
    pub output_parameters: &'static str,
    /// The output parameters' table name.
    pub output_parameters_table: &'static str,
    pub parameter: &'static str,
    pub param_type: &'static str,
    pub example: &'static str,
    /// The curl example's name.
    pub curl_example: &'static str,
    pub last_5_minutes: &'static str,
    pub last_30_minutes: &'static str,
    pub last_hour: &'static str,
    pub time_range: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    /// The log view's name.
    pub log_lines: &'static str,
    pub no_log_lines: &'static str,
}
