//! 简体中文, in the console's own terms (`shared/domain/GLOSSARY.md`): labels quoted with “ ”,
//! full-width punctuation, numbers and ids half-width.

mod batch;
mod common;
mod pools;
mod real_time;
mod settings;
mod shell;

use super::Text;

pub static TEXT: Text = Text {
    common: common::COMMON,
    shell: shell::SHELL,
    batch: batch::BATCH,
    pools: pools::POOLS,
    real_time: real_time::REAL_TIME,
    settings: settings::SETTINGS,
};
