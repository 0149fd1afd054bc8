use std::collections::BTreeSet;

use crate::i18n::say;
use console_core::validation::{version_error_for, Field, FieldError};
use leptos::prelude::*;

/// A form's validation: the core's errors for the current input (recomputed as the user
/// types), shown for a field once the user has left it, and for every field once the form
/// was submitted.
#[derive(Clone, Copy)]
pub struct FormCheck {
    errors: Memo<Vec<FieldError>>,
    /// Fields left, by model version (`None`: the form's own fields).
    touched: RwSignal<BTreeSet<(Option<usize>, Field)>>,
    submitted: RwSignal<bool>,
}

impl FormCheck {
    /// `validate` asks the core; it is tracked, so it re-runs when the input changes.
    pub fn new(validate: impl Fn() -> Vec<FieldError> + Send + Sync + 'static) -> FormCheck {
        FormCheck {
            errors: Memo::new(move |_| validate()),
            touched: RwSignal::new(BTreeSet::new()),
            submitted: RwSignal::new(false),
        }
    }

    /// The message shown next to `field`, if any.
    pub fn message(&self, field: Field) -> Signal<Option<String>> {
        self.message_at(None, field)
    }

    /// The message shown next to `field` of model version `version` (`None`: the form's).
    pub fn message_at(&self, version: Option<usize>, field: Field) -> Signal<Option<String>> {
        let this = *self;
        // `try_` reads: a field can be asked once more while its dialog closes.
        Signal::derive(move || {
            let shown = this.submitted.try_get().unwrap_or(false)
                || this
                    .touched
                    .try_with(|t| t.contains(&(version, field)))
                    .unwrap_or(false);
            shown
                .then(|| {
                    this.errors.try_with(|e| {
                        version_error_for(e, version, field).map(|v| say().violation(v))
                    })
                })
                .flatten()
                .flatten()
        })
    }

    /// The user left `field`: its message shows from now on.
    pub fn touch(&self, field: Field) {
        self.touch_at(None, field);
    }

    /// The user left `field` of model version `version`.
    pub fn touch_at(&self, version: Option<usize>, field: Field) {
        if !self
            .touched
            .with_untracked(|t| t.contains(&(version, field)))
        {
            self.touched.update(|t| {
                t.insert((version, field));
            });
        }
    }

    /// Submit was pressed: every message shows. True when the core finds nothing wrong.
    pub fn submit(&self) -> bool {
        self.submitted.set(true);
        self.errors.with_untracked(|e| e.is_empty())
    }

    /// Every error, once submitted (the summary above the buttons).
    pub fn summary(&self) -> Signal<Vec<FieldError>> {
        let this = *self;
        Signal::derive(move || {
            if this.submitted.try_get().unwrap_or(false) {
                this.errors.try_get().unwrap_or_default()
            } else {
                Vec::new()
            }
        })
    }
}
