//! kieumau: a static report-site generator for the model party branch programme.
//!
//! Five layers, each depending only on those before it (see ARCHITECTURE.md):
//! domain (the model and its rules, pure) → content (load, diagnose, validate) → report (URLs,
//! pages, charts, downloads: bytes) → build (outputs, state, writing, snapshots) → commands.

// Bad input must never panic: library code has no unwrap/expect/panic (tests may). Indexing is
// denied in the modules that handle raw input (load, diag, the TOML readers in validate, the
// sheet reader, serve, snapshot, print); elsewhere indices come from looking up or enumerating
// the validated structures they index.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod build;
pub mod commands;
pub mod content;
pub mod domain;
pub mod messages;
pub mod report;
pub mod sys;
pub mod timings;

pub use build::{BuildOptions, BuildSummary, Checked, Failure, build, check};
