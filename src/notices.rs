//! What the console tells the user beside the page: banners for problems that last (storage,
//! catalog) until dismissed or fixed, and toasts after an action.

use std::time::Duration;

use leptos::prelude::*;

/// A banner above the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner {
    pub topic: BannerTopic,
    pub text: String,
}

/// One banner per topic: a newer one replaces an older one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BannerTopic {
    Load,
    Save,
    Catalog,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

/// A short-lived message after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub text: String,
}

/// How long a toast stays.
pub const TOAST_TIME: Duration = Duration::from_secs(6);

/// The banners and toasts shown now.
#[derive(Clone, Copy)]
pub struct Notices {
    banners: RwSignal<Vec<Banner>>,
    toasts: RwSignal<Vec<Toast>>,
    toast_seq: StoredValue<u64>,
}

impl Notices {
    pub fn new(banners: Vec<Banner>) -> Notices {
        Notices {
            banners: RwSignal::new(banners),
            toasts: RwSignal::new(Vec::new()),
            toast_seq: StoredValue::new(0),
        }
    }

    pub fn banners(&self) -> Signal<Vec<Banner>> {
        self.banners.into()
    }

    pub fn show_banner(&self, topic: BannerTopic, text: String) {
        self.banners.try_update(|b| {
            b.retain(|x| x.topic != topic);
            b.push(Banner { topic, text });
        });
    }

    pub fn dismiss_banner(&self, topic: BannerTopic) {
        if self
            .banners
            .try_with_untracked(|b| b.iter().any(|x| x.topic == topic))
            .unwrap_or(false)
        {
            self.banners.update(|b| b.retain(|x| x.topic != topic));
        }
    }

    pub fn toasts(&self) -> Signal<Vec<Toast>> {
        self.toasts.into()
    }

    pub fn toast(&self, kind: ToastKind, text: String) {
        let Some(id) = self.toast_seq.try_get_value().map(|n| n + 1) else {
            return; // the console is gone
        };
        self.toast_seq.set_value(id);
        self.toasts.try_update(|t| t.push(Toast { id, kind, text }));
        let toasts = self.toasts;
        set_timeout(
            move || {
                toasts
                    .try_update(|t| t.retain(|x| x.id != id))
                    .unwrap_or(())
            },
            TOAST_TIME,
        );
    }

    pub fn dismiss_toast(&self, id: u64) {
        self.toasts.update(|t| t.retain(|x| x.id != id));
    }
}

/// The notices provided by the shell.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
