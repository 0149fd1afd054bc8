use crate::i18n::settings::Settings;

pub const SETTINGS: Settings = Settings {
    title: "全局配置",
};
