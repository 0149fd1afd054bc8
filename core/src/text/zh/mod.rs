//! 简体中文, in the console's own terms (`shared/domain/GLOSSARY.md`).

mod labels;
mod events;
mod messages;
mod transfer;
