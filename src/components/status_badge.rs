use console_core::StatusValue;
use leptos::prelude::*;

use crate::i18n::lang;

use super::progress_board::{ProgressBoard, ProgressMarks};

/// Where a badge's progress comes from.
#[derive(Clone)]
pub enum Progress {
    /// The badge follows it with an effect of its own: pages that show a few badges.
    Own(Signal<u8>),
    /// A list's [`ProgressBoard`] writes it (the key is the resource's id): one effect for
    /// all of the list's badges.
    Board(ProgressBoard, String),
}

impl From<Signal<u8>> for Progress {
    fn from(signal: Signal<u8>) -> Progress {
        Progress::Own(signal)
    }
}

/// A badge's progress once it is wired up: what its spans start from.
#[derive(Clone, Copy)]
enum Source {
    Own(Signal<u8>),
    Board(ProgressBoard, u64),
}

impl Source {
    fn percent(&self) -> u8 {
        match self {
            Source::Own(signal) => signal.get_untracked(),
            Source::Board(board, number) => board.shown(*number),
        }
    }
}

/// Shows a status (a service's or a pool's) as a coloured badge, with the progress while the
/// status shows one (deploying, running, creating, scaling).
///
/// With `announce` (a details page's own resource) the status is a polite live region, so a
/// screen reader hears each status change once; the progress is not announced.
///
/// The progress moves on every tick, so its text and bar are written directly, and only
/// when the percent changed: by the badge's one effect, or by its list's [`ProgressBoard`]
/// (bindings and a memo per row would cost each tick a reactive update per moving row).
#[component]
pub fn StatusBadge<S>(
    status: Signal<S>,
    #[prop(into)] progress: Progress,
    /// The badge of the page's own resource (its details): its status changes are announced.
    #[prop(optional)]
    announce: bool,
) -> impl IntoView
where
    S: StatusValue + Send + Sync,
{
    let marks = ProgressMarks::default();
    let source = match progress {
        Progress::Own(signal) => {
            Effect::new(move |last: Option<u8>| {
                let percent = signal.get();
                if last.is_some_and(|last| last != percent) {
                    marks.write(percent);
                }
                percent
            });
            Source::Own(signal)
        }
        Progress::Board(board, key) => Source::Board(board, board.join(key, marks)),
    };
    let now = move || format!("{}%", source.percent());
    // The page's own badge says its status changes politely; its progress, which moves at
    // every tick, and the badges of lists and tables are not announced.
    let live = announce.then_some("polite");
    view! {
        <span class=move || format!("badge badge-{}", status.get().api_value().to_ascii_lowercase())>
            <span class="badge-dot" aria-hidden="true"></span>
            <span aria-live=live>{move || status.get().label(lang())}</span>
            <Show when=move || status.get().shows_progress()>
                " " <span class="badge-progress" node_ref=marks.text>{now()}</span>
            </Show>
        </span>
        <Show when=move || status.get().shows_progress()>
            <span class="progress-track" aria-hidden="true">
                <span class="progress-fill" node_ref=marks.fill style=format!("width: {}", now())></span>
            </span>
        </Show>
    }
}
