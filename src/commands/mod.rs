//! Commands: what the CLI runs on top of a build (serve, print, import, init).

pub mod chromium;
pub mod forms;
pub mod import;
pub mod init;
pub mod print;
pub mod replace;
pub mod serve;
pub mod snapshot;
pub mod word;
