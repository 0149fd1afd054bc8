//! 简体中文, in the console's own terms (`shared/domain/GLOSSARY.md`).

mod events;
mod labels;
mod messages;
mod transfer;
