//! What the console says, in English and 简体中文.
//!
//! The core answers with typed values (statuses, refusals, violations, events, outcomes);
//! each language speaks them in one place (`en/`, `zh/`) through the traits below, whose
//! methods match exhaustively: a new variant cannot build until both languages have its text.
//! `Display` on a core type is its English text (logs and tests).
//!
//! [`speak`] gives a [`Speaker`], whose methods (one per trait method, declared with the
//! trait by [`speaks!`]) call the language's implementation directly: each text's code is
//! linked where it is said, so a page's texts travel in that page's module of the split site.

/// Declares an area's trait, which each language implements in full, and the same methods on
/// [`Speaker`], each calling the speaker's language.
macro_rules! speaks {
    ($(#[$doc:meta])* pub trait $area:ident {
        $($(#[$method_doc:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty;)*
    }) => {
        $(#[$doc])*
        pub trait $area {
            $($(#[$method_doc])* fn $name(&self $(, $arg: $ty)*) -> $ret;)*
        }

        impl crate::text::Speaker {
            $(
                $(#[$method_doc])*
                #[inline]
                pub fn $name(self $(, $arg: $ty)*) -> $ret {
                    match self.0 {
                        crate::text::Lang::En => $area::$name(&crate::text::English $(, $arg)*),
                        crate::text::Lang::Zh => $area::$name(&crate::text::Chinese $(, $arg)*),
                    }
                }
            )*
        }
    };
}

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

/// English.
pub struct English;

/// 简体中文.
pub struct Chinese;

/// Says the core's values in its language: every method of [`Labels`], [`Events`],
/// [`Messages`] and [`Transfer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker(pub Lang);

/// The speaker of `lang`.
pub fn speak(lang: Lang) -> Speaker {
    Speaker(lang)
}
