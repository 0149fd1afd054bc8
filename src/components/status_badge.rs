use console_core::{Console, Millis, StatusValue};
use leptos::html::Span;
use leptos::prelude::*;

use crate::clock;
use crate::state::{use_store, ConsoleStore};

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

/// The two spans a badge shows its progress in, while its status shows one.
#[derive(Clone, Copy)]
struct Marks {
    text: NodeRef<Span>,
    fill: NodeRef<Span>,
}

impl Marks {
    /// Writes the page directly: the spans exist only while the status shows progress, and
    /// were created with the percent of that moment.
    fn write(&self, percent: u8) {
        let shown = format!("{percent}%");
        if let Some(text) = self.text.get_untracked() {
            text.set_text_content(Some(&shown));
        }
        if let Some(fill) = self.fill.get_untracked() {
            let _ = web_sys::Element::set_attribute(&fill, "style", &format!("width: {shown}"));
        }
    }
}

struct Slot {
    id: u64,
    key: String,
    shown: u8,
    marks: Marks,
}

#[derive(Default)]
struct Slots {
    next: u64,
    all: Vec<Slot>,
}

/// Writes the progress of every badge of a list from one effect. The progress moves on every
/// tick while deploying or running; with an effect (a reactive subscription and a task) per
/// badge, 50 moving rows took most of a tick's script time. The board reads the console once
/// per tick, and touches the page only for the badges whose percent changed.
#[derive(Clone, Copy)]
pub struct ProgressBoard {
    store: ConsoleStore,
    percent: fn(&Console, &str, Millis) -> u8,
    slots: StoredValue<Slots>,
}

impl ProgressBoard {
    /// A board whose badges show `percent` of their key at a simulated time, read through the
    /// store on every tick (it follows the passing of time).
    pub fn new(percent: fn(&Console, &str, Millis) -> u8) -> ProgressBoard {
        let board = ProgressBoard {
            store: use_store(),
            percent,
            slots: StoredValue::new(Slots::default()),
        };
        // It follows the store whether or not any badge has joined yet.
        Effect::new(move || {
            board.store.read(|c| {
                let at = c.sim_now(clock::now());
                board.slots.update_value(|slots| {
                    for slot in &mut slots.all {
                        let now = percent(c, &slot.key, at);
                        if now != slot.shown {
                            slot.shown = now;
                            slot.marks.write(now);
                        }
                    }
                })
            });
        });
        board
    }

    fn join(&self, key: String, marks: Marks) -> u64 {
        let shown = self
            .store
            .peek(|c| (self.percent)(c, &key, c.sim_now(clock::now())));
        self.slots
            .try_update_value(|slots| {
                slots.next += 1;
                slots.all.push(Slot {
                    id: slots.next,
                    key,
                    shown,
                    marks,
                });
                slots.next
            })
            .unwrap_or_default()
    }

    fn leave(&self, id: u64) {
        // The list may be gone first (its slots with it).
        self.slots
            .try_update_value(|slots| slots.all.retain(|s| s.id != id));
    }

    /// The percent last written for a badge (for spans created after that).
    fn shown(&self, id: u64) -> u8 {
        self.slots
            .try_with_value(|slots| slots.all.iter().find(|s| s.id == id).map(|s| s.shown))
            .flatten()
            .unwrap_or_default()
    }
}

/// A badge's progress once it is wired up: what the spans start from.
#[derive(Clone, Copy)]
enum Source {
    Own(Signal<u8>),
    Board(ProgressBoard, u64),
}

impl Source {
    fn percent(&self) -> u8 {
        match self {
            Source::Own(signal) => signal.get_untracked(),
            Source::Board(board, id) => board.shown(*id),
        }
    }
}

/// Shows a status (a service's or a pool's) as a coloured badge, with the progress while the
/// status shows one (deploying, running, creating, scaling).
///
/// The progress moves on every tick, so its text and bar are written directly, and only
/// when the percent changed: by the badge's one effect, or by its list's [`ProgressBoard`].
/// Two bindings and a memo per row took most of a tick's script time with 50 moving rows.
#[component]
pub fn StatusBadge<S>(status: Signal<S>, #[prop(into)] progress: Progress) -> impl IntoView
where
    S: StatusValue + Send + Sync,
{
    let marks = Marks {
        text: NodeRef::new(),
        fill: NodeRef::new(),
    };
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
        Progress::Board(board, key) => {
            let id = board.join(key, marks);
            on_cleanup(move || board.leave(id));
            Source::Board(board, id)
        }
    };
    let now = move || format!("{}%", source.percent());
    view! {
        <span class=move || format!("badge badge-{}", status.get().api_value().to_ascii_lowercase())>
            <span class="badge-dot" aria-hidden="true"></span>
            {move || status.get().label()}
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
