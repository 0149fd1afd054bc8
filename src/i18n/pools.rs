//! The Dedicated Resource Pools pages' words: lists, details, Create, Scale, Delete.

pub struct Pools {
    pub create: &'static str,
    // The list.
    pub public_pool: &'static str,
    pub public_pool_text: &'static str,
    /// The tab list's accessible name.
    pub pool_types: &'static str,
    /// Under the Development/Training tab.
    pub training_use: &'static str,
    /// Under the Service Deployment tab.
    pub deployment_use: &'static str,
    /// `(region, used, total)`.
    pub quota_line: fn(&str, u32, u32) -> String,
    /// A pool's flavor (a service's is the core's Specifications field).
    pub specifications: &'static str,
    pub expires: &'static str,
    /// `(pool type, region)`: the tab has no pools.
    pub no_pools_of_type: fn(&str, &str) -> String,
    pub no_match: &'static str,
    /// `(expiry time, auto-renew)`.
    pub expiry: fn(&str, bool) -> String,
    // The Delete dialog.
    pub delete_title: &'static str,
    /// Before the pool's name.
    pub delete_ask: &'static str,
    /// After the pool's name.
    pub delete_ask_end: &'static str,
    pub delete_warning: &'static str,
    pub no_batch_on_pool: &'static str,
    pub batch_will_fail: &'static str,
    /// The list of the batch services that will fail.
    pub batch_will_fail_list: &'static str,
    pub real_time_will_fail: &'static str,
    /// The list of the real-time services that will fail.
    pub real_time_will_fail_list: &'static str,
    /// `Enter DELETE to confirm`, with the word to type.
    pub confirm_typing: fn(&str) -> String,
    // The Create page.
    pub create_title: &'static str,
    pub basic_information: &'static str,
    pub resource_type: &'static str,
    /// After the fixed Resource Type.
    pub type_fixed: &'static str,
    /// With the region id.
    pub prepaid_region_hint: fn(&str) -> String,
    pub name_hint: &'static str,
    pub resources: &'static str,
    pub custom_network: &'static str,
    pub custom_network_hint: &'static str,
    /// `(nodes left, quota, region)`.
    pub nodes_hint: fn(u32, u32, &str) -> String,
    pub auto_renew: &'static str,
    pub auto_renew_hint: &'static str,
    /// Before the estimate in the form's footer.
    pub price_colon: &'static str,
    pub confirm_title: &'static str,
    pub on: &'static str,
    pub off: &'static str,
    /// Above the summary of the confirmation.
    pub summary_intro: &'static str,
    /// The estimate before the form is complete.
    pub price_missing: &'static str,
    /// With the price in USD.
    pub per_hour: fn(&str) -> String,
    /// `(total, billed months, saving)`.
    pub prepaid_year: fn(&str, u32, &str) -> String,
    /// `(total, months)`.
    pub prepaid_months: fn(&str, u32) -> String,
    // The Scale page.
    pub not_found: &'static str,
    /// The Scale page's title, with the pool's name.
    pub scale_title: fn(&str) -> String,
    pub gone: &'static str,
    pub back_to_list: &'static str,
    pub current_configuration: &'static str,
    pub current_nodes: &'static str,
    /// `(nodes left, quota, region)`.
    pub scale_hint: fn(u32, u32, &str) -> String,
    pub node_list: &'static str,
    pub node_name: &'static str,
    /// A node's switch, with its name.
    pub node_switch: fn(&str) -> String,
    pub price_after_scaling: &'static str,
    // The details page.
    /// Before the missing pool's id.
    pub missing: &'static str,
    /// After the missing pool's id.
    pub missing_end: &'static str,
    pub network_off: &'static str,
    /// `(VPC, subnet, security group)`.
    pub network_on: fn(&str, &str, &str) -> String,
    pub id: &'static str,
    pub status_colon: &'static str,
    pub pay_per_use_mode: &'static str,
    /// `(hourly rate, nodes)`.
    pub rate: fn(&str, u32) -> String,
    pub billing_ended: &'static str,
    pub accrued_cost: &'static str,
    pub prepaid_mode: &'static str,
    pub price_per_term: &'static str,
    pub paid_so_far: &'static str,
    pub renews_on: &'static str,
    pub renews_off: &'static str,
    pub batch_on_pool: &'static str,
    /// The table of the batch services on the pool.
    pub batch_on_pool_table: &'static str,
    pub real_time_on_pool: &'static str,
    /// The table of the real-time services on the pool.
    pub real_time_on_pool_table: &'static str,
    /// `(occupied, free)` nodes.
    pub occupancy: fn(u32, u32) -> String,
    pub no_real_time_on_pool: &'static str,
    /// The chart of nodes in use against the pool's size over time.
    pub usage_title: &'static str,
    pub in_use: &'static str,
    pub pool_size: &'static str,
    /// The chart's summary: the most ever in use, the size now, from and to, in use now.
    pub usage_summary: fn(u32, u32, &str, &str, u32) -> String,
    pub nodes_occupied: &'static str,
    pub event_time: &'static str,
    pub event_type: &'static str,
    pub event_message: &'static str,
    pub sandbox_heading: &'static str,
    pub sandbox_text: &'static str,
    pub simulate_fault: &'static str,
    pub recover: &'static str,
}
