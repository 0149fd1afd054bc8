use console_core::StatusValue;
use leptos::html::Span;
use leptos::prelude::*;

/// Shows a status (a service's or a pool's) as a coloured badge, with the progress while the
/// status shows one (deploying, running, creating, scaling).
///
/// The progress moves on every tick while deploying, so its text and bar are written by one
/// effect that reads `progress` and touches the page only when the percent changed (the
/// spans are created with the percent of the moment). Two bindings and a memo per row took
/// most of a tick's script time with 50 moving rows; `progress` may be a plain derived
/// signal.
#[component]
pub fn StatusBadge<S>(status: Signal<S>, #[prop(into)] progress: Signal<u8>) -> impl IntoView
where
    S: StatusValue + Send + Sync,
{
    let text = NodeRef::<Span>::new();
    let fill = NodeRef::<Span>::new();
    Effect::new(move |last: Option<u8>| {
        let percent = progress.get();
        if last.is_some_and(|last| last != percent) {
            let shown = format!("{percent}%");
            if let Some(text) = text.get_untracked() {
                text.set_text_content(Some(&shown));
            }
            if let Some(fill) = fill.get_untracked() {
                let _ = web_sys::Element::set_attribute(&fill, "style", &format!("width: {shown}"));
            }
        }
        percent
    });
    let now = move || format!("{}%", progress.get_untracked());
    view! {
        <span class=move || format!("badge badge-{}", status.get().api_value().to_ascii_lowercase())>
            <span class="badge-dot" aria-hidden="true"></span>
            {move || status.get().label()}
            <Show when=move || status.get().shows_progress()>
                " " <span class="badge-progress" node_ref=text>{now()}</span>
            </Show>
        </span>
        <Show when=move || status.get().shows_progress()>
            <span class="progress-track" aria-hidden="true">
                <span class="progress-fill" node_ref=fill style=format!("width: {}", now())></span>
            </span>
        </Show>
    }
}
