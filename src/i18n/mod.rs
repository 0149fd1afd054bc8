//! The console's words in the page's language.
//!
//! The language is chosen before the app starts (the Language control of `index.html` keeps
//! it in this browser, first from the browser's language, and sets `<html lang>`; changing it
//! reloads the page), so a page reads it once and its text needs no reactive update.
//! [`t`] gives the UI's own words, one table per feature whose struct each language fills in
//! full (a new field cannot build until both have it); [`say`] speaks the core's values.

mod en;
mod zh;

pub mod batch;
pub mod common;
pub mod pools;
pub mod real_time;
pub mod settings;
pub mod shell;

use std::sync::atomic::{AtomicU8, Ordering};

pub use console_core::text::{Lang, Speaker};

/// Every word of the UI, by feature.
pub struct Text {
    pub common: common::Common,
    pub shell: shell::Shell,
    pub batch: batch::Batch,
    pub pools: pools::Pools,
    pub real_time: real_time::RealTime,
    pub settings: settings::Settings,
}

/// 0: not read yet; otherwise 1 + the index of the language in [`Lang::ALL`].
static LANG: AtomicU8 = AtomicU8::new(0);

/// The page's language: `<html lang>`, read once.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        0 => {
            let tag = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.get_attribute("lang"))
                .unwrap_or_default();
            let lang = Lang::from_tag(&tag);
            set_lang(lang);
            lang
        }
        n => Lang::ALL[usize::from(n - 1)],
    }
}

/// Sets the language (tests; the app reads `<html lang>`).
pub fn set_lang(lang: Lang) {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    LANG.store(index as u8 + 1, Ordering::Relaxed);
}

/// The UI's words in the page's language.
pub fn t() -> &'static Text {
    match lang() {
        Lang::En => &en::TEXT,
        Lang::Zh => &zh::TEXT,
    }
}

/// The core's values in the page's language.
pub fn say() -> Speaker {
    console_core::speak(lang())
}
