use console_core::StatusValue;
use leptos::prelude::*;

/// Shows a status (a service's or a pool's) as a coloured badge, with the progress while the
/// status shows one (deploying, running, creating, scaling).
#[component]
pub fn StatusBadge<S>(status: Signal<S>, #[prop(into)] progress: Signal<u8>) -> impl IntoView
where
    S: StatusValue + Send + Sync,
{
    view! {
        <span class=move || format!("badge badge-{}", status.get().api_value().to_ascii_lowercase())>
            <span class="badge-dot" aria-hidden="true"></span>
            {move || status.get().label()}
            <Show when=move || status.get().shows_progress()>
                " " <span class="badge-progress">{move || format!("{}%", progress.get())}</span>
            </Show>
        </span>
        <Show when=move || status.get().shows_progress()>
            <span class="progress-track" aria-hidden="true">
                <span class="progress-fill" style=move || format!("width: {}%", progress.get())></span>
            </span>
        </Show>
    }
}
