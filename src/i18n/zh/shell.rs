use crate::i18n::shell::Shell;

pub const SHELL: Shell = Shell {
    product: "模型部署控制台",
    region: "区域",
    navigation: "控制台导航",
    model_deployment: "部署上线",
    real_time_services: "在线服务",
    batch_services: "批量服务",
    pools: "专属资源池",
    settings: "全局配置",
};
