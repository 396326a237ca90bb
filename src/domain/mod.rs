//! The domain: the programme's model and its rules (scoring, aggregates, collation). Pure: no I/O.

pub mod aggregate;
pub mod collate;
pub mod digest;
pub mod model;
pub mod rules;
pub mod safe;
pub mod score;
