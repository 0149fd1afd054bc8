//! The shell's words: top bar, navigation, loading and banners.

pub struct Shell {
    pub product: &'static str,
    pub region: &'static str,
    pub navigation: &'static str,
    pub model_deployment: &'static str,
    pub real_time_services: &'static str,
    pub batch_services: &'static str,
    pub pools: &'static str,
    pub settings: &'static str,
}
