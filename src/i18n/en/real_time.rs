use crate::i18n::real_time::RealTime;

pub const REAL_TIME: RealTime = RealTime {
    deploy: "Deploy",
};
