//! Content: reading a site's files, checking them against the rules, and reporting problems.

pub mod cache;
pub mod diag;
pub mod load;
pub mod validate;
