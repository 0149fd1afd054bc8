use crate::i18n::pools::Pools;

pub const POOLS: Pools = Pools {
    create: "创建",
};
