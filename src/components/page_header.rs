use leptos::prelude::*;

use crate::i18n::t;

/// One breadcrumb: a label, and where it leads (none for the current page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

impl Crumb {
    pub fn link(label: &str, href: &str) -> Crumb {
        Crumb {
            label: label.into(),
            href: Some(href.into()),
        }
    }
    pub fn here(label: impl Into<String>) -> Crumb {
        Crumb {
            label: label.into(),
            href: None,
        }
    }
}

/// Shows the breadcrumbs and the page title, with the page's main buttons on the right.
#[component]
pub fn PageHeader(
    #[prop(into)] crumbs: Signal<Vec<Crumb>>,
    #[prop(into)] title: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="page-header">
            <nav aria-label=t().common.breadcrumb class="breadcrumbs">
                <ol>
                    {move || {
                        crumbs
                            .get()
                            .into_iter()
                            .map(|c| match c.href {
                                Some(href) => view! { <li><a href=href>{c.label}</a></li> }.into_any(),
                                None => view! { <li aria-current="page">{c.label}</li> }.into_any(),
                            })
                            .collect_view()
                    }}
                </ol>
            </nav>
            <div class="page-title-row">
                <h1>{move || title.get()}</h1>
                <div class="page-actions">{children.map(|c| c())}</div>
            </div>
        </div>
    }
}
