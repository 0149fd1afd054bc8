//! What the console says, in English and 简体中文.
//!
//! The core answers with typed values (statuses, refusals, violations, events, outcomes);
//! each language speaks them in one place (`en/`, `zh/`) through the traits below, whose
//! methods match exhaustively: a new variant cannot build until both languages have its text.
//! `Display` on a core type is its English text (logs and tests).

mod en;
mod events;
mod labels;
mod messages;
mod transfer;
mod zh;

pub use events::Events;
pub use labels::Labels;
pub use messages::Messages;
pub use transfer::Transfer;

/// A language of the console.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language of a BCP 47 tag (`<html lang>`, `navigator.language`): Chinese for any
    /// `zh` tag, English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The tag `<html lang>` carries.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

/// Everything a language says about the core's values.
pub trait Speak: Labels + Events + Messages + Transfer + Sync {}

impl<T: Labels + Events + Messages + Transfer + Sync> Speak for T {}

/// English.
pub struct English;

/// 简体中文.
pub struct Chinese;

/// The speaker of `lang`.
pub fn speak(lang: Lang) -> &'static dyn Speak {
    match lang {
        Lang::En => &English,
        Lang::Zh => &Chinese,
    }
}
