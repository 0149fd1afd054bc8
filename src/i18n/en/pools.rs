use crate::i18n::pools::Pools;

pub const POOLS: Pools = Pools {
    create: "Create",
    public_pool: "Public Resource Pool",
    public_pool_text: "Always available: provided by ModelArts by default, with nothing to create or configure. Jobs get resources by their parameters, isolated by job, and are billed pay-per-use by specifications, duration and instance quantity.",
    pool_types: "Dedicated resource pool types",
    training_use: "Used only for notebook instances, training and TensorBoard. A pool can be used only while it is Running.",
    deployment_use: "Used only for model deployment. A pool can be used only while it is Running.",
    quota_line: |region, used, total| {
        format!("Node quota of {region}: {used} of {total} nodes used")
    },
    specifications: "Specifications",
    expires: "Expires",
    no_pools_of_type: |pool_type, region| format!("No pools of type {pool_type} in {region}."),
    no_match: "No resource pools match the search criteria.",
    expiry: |at, renews| {
        let renewal = if renews { "auto-renew" } else { "no auto-renew" };
        format!("{at} ({renewal})")
    },
    delete_title: "Delete Dedicated Resource Pool",
    delete_ask: "Are you sure you want to delete the dedicated resource pool ",
    delete_ask_end: "?",
    delete_warning: "After the dedicated resource pool is deleted, the training jobs, notebook instances and deployments that depend on it are unavailable. A dedicated resource pool cannot be restored after being deleted.",
    no_batch_on_pool: "No batch services are deployed on this pool.",
    batch_will_fail: "These batch services are deployed on the pool and will fail:",
    batch_will_fail_list: "Services deployed on the pool",
    real_time_will_fail: "These real-time services run on the pool and will fail:",
    real_time_will_fail_list: "Real-time services on the pool",
    confirm_typing: |word| format!("Enter {word} to confirm"),
    create_title: "Create Dedicated Resource Pool",
    basic_information: "Basic Information",
    resource_type: "Resource Type",
    type_fixed: " (set by the tab; it cannot be changed)",
    prepaid_region_hint: |region| {
        format!("The Yearly/Monthly billing mode is supported only in CN North-Beijing4 ({region}).")
    },
    name_hint: "4 to 64 characters: letters, digits, hyphens (-) and underscores (_).",
    resources: "Resources",
    custom_network: "Custom Network Configuration",
    custom_network_hint: "On: the service instances run on the VPC you choose and can reach its other resources. Off: ModelArts gives the pool a dedicated network, isolated from other users.",
    nodes_hint: |left, total, region| {
        format!("1 to {left}: {left} of the {total}-node quota of {region} are left. More nodes mean higher performance and a higher cost.")
    },
    auto_renew: "Auto-renew",
    auto_renew_hint: "With auto-renew, the term renews at expiry and is paid again.",
    price_colon: "Price: ",
    confirm_title: "Confirm Specifications",
    on: "On",
    off: "Off",
    summary_intro: "The pool is created in the Creating state and is Running once its nodes are ready; billing starts at creation.",
    price_missing: "choose specifications, nodes and duration",
    per_hour: |price| format!("{price}/hour"),
    prepaid_year: |total, billed, saving| {
        format!("{total} for 1 year (billed as {billed} months; you save {saving})")
    },
    prepaid_months: |total, months| {
        let s = if months == 1 { "" } else { "s" };
        format!("{total} for {months} month{s}")
    },
    not_found: "Resource pool not found",
    scale_title: |name| format!("Scale {name}"),
    gone: "The resource pool does not exist in this region or has been deleted.",
    back_to_list: "Back to Dedicated Resource Pools",
    current_configuration: "Current Configuration",
    current_nodes: "Current Nodes",
    scale_hint: |left, total, region| {
        format!("Raise the count to scale out ({left} of the {total}-node quota of {region} are left). To scale in, switch off nodes in the node list.")
    },
    node_list: "Node List",
    node_name: "Node Name",
    node_switch: |name| format!("Node {name}"),
    price_after_scaling: "Price after scaling: ",
    missing: "The resource pool ",
    missing_end: " does not exist in this region or has been deleted. A deleted pool cannot be restored.",
    network_off: "Off (a dedicated network, isolated from other users)",
    network_on: |vpc, subnet, group| {
        format!("VPC {vpc}, subnet {subnet}, security group {group}")
    },
    id: "ID",
    status_colon: "Status: ",
    pay_per_use_mode: "Pay-per-use, billed by the second from creation",
    rate: |price, nodes| format!("{price}/hour for {nodes} node(s)"),
    billing_ended: "Billing ended with the deletion",
    accrued_cost: "Accrued Cost",
    prepaid_mode: "Yearly/Monthly, prepaid",
    price_per_term: "Price per Term",
    paid_so_far: "Paid So Far",
    renews_on: "On: the term renews at expiry",
    renews_off: "Off: the pool is released at expiry",
    batch_on_pool: "Batch Services on This Pool",
    batch_on_pool_table: "Batch services on this pool",
    real_time_on_pool: "Real-Time Services on This Pool",
    real_time_on_pool_table: "Real-time services on this pool",
    occupancy: |used, free| {
        format!("Nodes occupied by real-time services: {used}. Free nodes: {free}.")
    },
    no_real_time_on_pool: "No real-time services run on this pool.",
    usage_title: "Nodes in use over time",
    in_use: "Nodes in use",
    pool_size: "Pool size",
    usage_summary: |most, size, from, to, now| {
        let nodes = if most == 1 { "node was" } else { "nodes were" };
        format!("From {from} to {to}, at most {most} {nodes} in use at once; {now} of the pool's {size} nodes are in use now.")
    },
    nodes_occupied: "Nodes Occupied",
    event_time: "Time",
    event_type: "Type",
    event_message: "Message",
    sandbox_heading: "Sandbox: Node Health",
    sandbox_text: "Not part of the real console: simulate a node fault to rehearse what happens to the services on the pool (they go to Alarm until it recovers).",
    simulate_fault: "Simulate Node Fault",
    recover: "Recover Pool",
};
