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
/// tick while deploying or running; with an effect (a reactive subscription and a task) per
/// badge, 50 moving rows took most of a tick's script time. The board reads the console once
/// per tick, and touches the page only for the badges whose percent changed.
#[derive(Clone, Copy)]
pub struct ProgressBoard {
    store: ConsoleStore,
    percent: fn(&Console, &str, Millis) -> u8,
    badges: StoredValue<Slots<Badge>>,
}

impl ProgressBoard {
    /// A board whose badges show `percent` of their key (a resource's id) at the simulated
    /// time, read through the store on every tick.
    pub fn new(store: ConsoleStore, percent: fn(&Console, &str, Millis) -> u8) -> ProgressBoard {
        let board = ProgressBoard {
            store,
            percent,
            badges: StoredValue::new(Slots::default()),
        };
        // It follows the store whether or not any badge has joined yet.
        Effect::new(move || {
            store.read(|c| {
                let at = c.sim_now(clock::now());
                board.badges.try_update_value(|badges| {
                    for badge in badges.iter_mut() {
                        let now = percent(c, &badge.key, at);
                        if now != badge.shown {
                            badge.shown = now;
                            badge.marks.write(now);
                        }
                    }
                })
            });
        });
        board
    }

    /// Registers a badge's spans until the calling row is cleaned up; returns its number.
    pub fn join(&self, key: String, marks: ProgressMarks) -> u64 {
        let shown = self
            .store
            .peek(|c| (self.percent)(c, &key, c.sim_now(clock::now())));
        let badges = self.badges;
        let number = badges
            .try_update_value(|b| b.join(Badge { key, shown, marks }))
            .unwrap_or_default();
        // The list may be cleaned up first (its badges with it).
        on_cleanup(move || {
            badges.try_update_value(|b| b.leave(number));
        });
        number
    }

    /// The percent last written for a badge (for spans created after that).
    pub fn shown(&self, number: u64) -> u8 {
        self.badges
            .try_with_value(|b| b.get(number).map(|b| b.shown))
            .flatten()
            .unwrap_or_default()
    }
}
