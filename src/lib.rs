//! kieumau: a static report-site generator for the model party branch programme.
//!
//! The data flows load -> validate -> score -> aggregate -> chart -> render -> write; each step
//! is a module, and each content rule lives in the module of the file kind it concerns.

// Bad input must never panic: library code has no unwrap/expect/panic (tests may). Indexing is
// denied in the modules that handle raw input (load, diag, the TOML readers in validate, the
// sheet reader, serve, snapshot, print); elsewhere indices come from looking up or enumerating
// the validated structures they index.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod aggregate;
pub mod build;
pub mod chart;
pub mod collate;
pub mod diag;
pub mod import;
pub mod incremental;
pub mod init;
pub mod load;
pub mod model;
pub mod print;
pub mod render;
pub mod score;
pub mod serve;
pub mod snapshot;
pub mod splice;
pub mod timings;
pub mod validate;
pub mod write;

pub use build::{BuildOptions, BuildSummary, Checked, Failure, build, check};
