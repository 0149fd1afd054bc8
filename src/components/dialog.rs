use console_core::Command;
use leptos::prelude::*;

use crate::i18n::say;
use crate::state::ConsoleStore;

/// A confirmation dialog's action: once the core accepts its command the dialog closes (and
/// `on_done` hears of it); a refusal shows the core's reason in `error`, and the dialog
/// stays open. Its OK button is disabled while it is [`Action::pending`].
pub fn confirm_action(
    store: ConsoleStore,
    error: RwSignal<Option<String>>,
    on_close: Callback<()>,
    on_done: Option<Callback<()>>,
) -> Action<Command, ()> {
    store.command_action(move |result| match result {
        Ok(_) => {
            let _ = on_close.try_run(());
            if let Some(done) = on_done {
                let _ = done.try_run(());
            }
        }
        Err(e) => {
            error.try_set(Some(say().domain_error(&e)));
        }
    })
}

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
    let title_id = format!(
        "dialog-title-{}",
        title.to_ascii_lowercase().replace(' ', "-")
    );
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
