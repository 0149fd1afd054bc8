//! The left navigation, marking the section of the current page.

use leptos::prelude::*;

use crate::route::{use_router, Section};

/// Shows the console's sections as links; the current one is `aria-current="page"`. Below
/// 768 px it folds behind the Menu button of `index.html`, which unfolds it (the `open`
/// class) and folds it again on a click in it or on Escape.
#[component]
pub fn SideNav() -> impl IntoView {
    let route = use_router().route();
    let section = Memo::new(move |_| route.get().section());
    let current = move |s: Section| move || (section.get() == s).then_some("page");
    view! {
        <nav id="side-nav" class="side-nav" aria-label="Console navigation">
            <div class="nav-group">"Model Deployment"</div>
            <a class="nav-item nested" href="#/real-time-services" aria-current=current(Section::RealTimeServices)>
                "Real-Time Services"
            </a>
            <a class="nav-item nested" href="#/batch-services" aria-current=current(Section::BatchServices)>
                "Batch Services"
            </a>
            <a class="nav-item" href="#/pools" aria-current=current(Section::Pools)>
                "Dedicated Resource Pools"
            </a>
            <a class="nav-item" href="#/settings" aria-current=current(Section::Settings)>
                "Settings"
            </a>
        </nav>
    }
}
