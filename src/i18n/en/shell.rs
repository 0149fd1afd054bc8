use crate::i18n::shell::Shell;

pub const SHELL: Shell = Shell {
    product: "Model Deployment Console",
    region: "Region",
    navigation: "Console navigation",
    model_deployment: "Model Deployment",
    real_time_services: "Real-Time Services",
    batch_services: "Batch Services",
    pools: "Dedicated Resource Pools",
    settings: "Settings",
};
