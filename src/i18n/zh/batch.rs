use crate::i18n::batch::Batch;

pub const BATCH: Batch = Batch {
    deploy: "部署",
    select_one: "请至少选择一个服务。",
};
