use leptos::prelude::*;

use crate::i18n::t;
use crate::notices::{use_notices, ToastKind};

/// Shows action outcomes briefly in the corner; errors are announced as alerts.
#[component]
pub fn Toasts() -> impl IntoView {
    let notices = use_notices();
    view! {
        <div class="toasts" aria-live="polite">
            <For each=move || notices.toasts().get() key=|t| t.id let:toast>
                <div
                    class=if toast.kind == ToastKind::Error { "toast toast-error" } else { "toast toast-success" }
                    role=if toast.kind == ToastKind::Error { "alert" } else { "status" }
                >
                    <span>{toast.text.clone()}</span>
                    <button class="toast-close" aria-label=t().common.close on:click=move |_| notices.dismiss_toast(toast.id)>"×"</button>
                </div>
            </For>
        </div>
    }
}
