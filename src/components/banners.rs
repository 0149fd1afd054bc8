use leptos::prelude::*;

use console_core::ExportScope;

use crate::components::transfer::export_button::ExportButton;
use crate::i18n::t;
use crate::notices::{use_notices, BannerTopic};

/// Shows lasting problems (unreadable saved data, failed saves, a rejected catalog).
#[component]
pub fn Banners() -> impl IntoView {
    let notices = use_notices();
    let (words, common) = (&t().shell, &t().common);
    view! {
        <div class="banners">
            <For each=move || notices.banners().get() key=|b| (b.topic as u8, b.text.clone()) let:banner>
                <div class="banner banner-warning" role="alert">
                    <span class="banner-text">{banner.text.clone()}</span>
                    {(banner.topic == BannerTopic::Save).then(|| view! { <ExportButton scope=ExportScope::All label=common.export_data /> })}
                    <button class="link-button" on:click=move |_| notices.dismiss_banner(banner.topic)>{words.dismiss}</button>
                </div>
            </For>
        </div>
    }
}
