use leptos::prelude::*;

/// A modal dialog titled `title`. Emits `on_close` on Escape, on Cancel and on the backdrop.
/// Focus moves into the dialog when it opens.
#[component]
pub fn Dialog(
    #[prop(into)] title: String,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let focusable = el
                .query_selector("input, select, textarea, button.primary, button")
                .ok()
                .flatten();
            if let Some(target) = focusable
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = target.focus();
            }
        }
    });
    let title_id = format!("dialog-title-{}", title.to_lowercase().replace(' ', "-"));
    let labelled_by = title_id.clone();
    view! {
        <div class="dialog-backdrop" on:click=move |_| on_close.run(())>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                node_ref=node
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_close.run(());
                    }
                }
            >
                <h2 class="dialog-title" id=title_id>{title}</h2>
                {children()}
            </div>
        </div>
    }
}
