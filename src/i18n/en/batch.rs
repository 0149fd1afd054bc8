use crate::i18n::batch::Batch;

pub const BATCH: Batch = Batch {
    deploy: "Deploy",
    select_one: "Select at least one service.",
};
