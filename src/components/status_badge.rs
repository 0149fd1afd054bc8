use console_core::ServiceStatus;
use leptos::prelude::*;

/// Shows a service status as a coloured badge, with the progress while deploying or running.
#[component]
pub fn StatusBadge(
    #[prop(into)] status: Signal<ServiceStatus>,
    #[prop(into)] progress: Signal<u8>,
) -> impl IntoView {
    view! {
        <span class=move || format!("badge badge-{}", status.get().api_value())>
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
