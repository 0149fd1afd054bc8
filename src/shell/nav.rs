//! The left navigation, marking the section of the current page.

use leptos::prelude::*;

use crate::i18n::t;
use crate::route::{use_router, Section};

/// Shows the console's sections as links; the current one is `aria-current="page"`. Below
/// 768 px it folds behind the Menu button of `index.html`, which unfolds it (the `open`
/// class) and folds it again on a click in it or on Escape.
#[component]
pub fn SideNav() -> impl IntoView {
    let route = use_router().route();
    let section = Memo::new(move |_| route.get().section());
    let words = &t().shell;
    let current = move |s: Section| move || (section.get() == s).then_some("page");
    view! {
        <nav id="side-nav" class="side-nav" aria-label=words.navigation>
            <div class="nav-group">{words.model_deployment}</div>
            <a class="nav-item nested" href="#/real-time-services" aria-current=current(Section::RealTimeServices)>
                {words.real_time_services}
            </a>
            <a class="nav-item nested" href="#/batch-services" aria-current=current(Section::BatchServices)>
                {words.batch_services}
            </a>
            <a class="nav-item" href="#/pools" aria-current=current(Section::Pools)>
                {words.pools}
            </a>
            <a class="nav-item" href="#/settings" aria-current=current(Section::Settings)>
                {words.settings}
            </a>
        </nav>
    }
}
