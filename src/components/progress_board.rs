use console_core::{Console, Millis};
use leptos::html::Span;
use leptos::prelude::*;

use super::slots::Slots;
use crate::clock;
use crate::state::ConsoleStore;

/// The two spans a badge shows its progress in, while its status shows one.
#[derive(Clone, Copy, Default)]
pub struct ProgressMarks {
    pub text: NodeRef<Span>,
    pub fill: NodeRef<Span>,
}

impl ProgressMarks {
    /// Writes the page directly (no binding per span): the spans exist only while the status
    /// shows progress, and were created with the percent of that moment.
    pub fn write(&self, percent: u8) {
        let shown = format!("{percent}%");
        if let Some(text) = self.text.get_untracked() {
            text.set_text_content(Some(&shown));
        }
        if let Some(fill) = self.fill.get_untracked() {
            let _ = web_sys::Element::set_attribute(&fill, "style", &format!("width: {shown}"));
        }
    }
}

struct Badge {
    key: String,
    shown: u8,
    marks: ProgressMarks,
}

/// Writes the progress of every badge of a list from one effect. The progress moves on every
/// tick while deploying or running, so rather than an effect (a reactive subscription and a
/// task) per badge, the board reads the console once per tick and touches the page only for
/// the badges whose percent changed.
#[derive(Clone, Copy)]
pub struct ProgressBoard(StoredValue<Board>);

struct Board {
    store: ConsoleStore,
    percent: fn(&Console, &str, Millis) -> u8,
    badges: Slots<Badge>,
}

impl ProgressBoard {
    /// A board whose badges show `percent` of their key (a resource's id) at the simulated
    /// time, read through the store on every tick.
    pub fn new(store: ConsoleStore, percent: fn(&Console, &str, Millis) -> u8) -> ProgressBoard {
        let board = StoredValue::new(Board {
            store,
            percent,
            badges: Slots::default(),
        });
        // It follows the store whether or not any badge has joined yet.
        Effect::new(move || {
            store.track_ticks(|c| {
                let at = c.sim_now(clock::now());
                board.try_update_value(|board| {
                    for badge in board.badges.iter_mut() {
                        let now = percent(c, &badge.key, at);
                        if now != badge.shown {
                            badge.shown = now;
                            badge.marks.write(now);
                        }
                    }
                })
            });
        });
        ProgressBoard(board)
    }

    /// Registers a badge's spans until the calling row is cleaned up; returns its number.
    pub fn join(&self, key: String, marks: ProgressMarks) -> u64 {
        let board = self.0;
        let joined = board.try_update_value(|board| {
            let shown = board
                .store
                .untracked(|c| (board.percent)(c, &key, c.sim_now(clock::now())));
            board.badges.join(Badge { key, shown, marks })
        });
        let Some(number) = joined else {
            return 0;
        };
        // The list may be cleaned up first (its badges with it).
        on_cleanup(move || {
            board.try_update_value(|board| board.badges.leave(number));
        });
        number
    }

    /// The percent last written for a badge (for spans created after that).
    pub fn shown(&self, number: u64) -> u8 {
        self.0
            .try_with_value(|board| board.badges.get(number).map(|b| b.shown))
            .flatten()
            .unwrap_or_default()
    }
}
