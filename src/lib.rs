//! treatysim: a simulator of the U.S. legal procedure for withdrawing from the North
//! Atlantic Treaty, under section 1250A of the FY2024 NDAA (22 U.S.C. § 1928f).
//!
//! Data flows one way: a [`scenario`] file and a [`rulebook`] go into the [`engine`],
//! which returns a trace and an outcome; [`report`] turns those into text or JSON, and
//! [`expect`] checks them against a scenario's `expect:` block. The binary (`main.rs`
//! and [`cli`]) only parses arguments and calls these functions.

// A Diagnostic is built once, on the error path, and carries its text for the reader;
// boxing it would only move the allocation.
#![allow(clippy::result_large_err)]

pub mod calendar;
pub mod cli;
pub mod diag;
pub mod diagram;
pub mod engine;
pub mod expect;
pub mod explore;
pub mod files;
#[doc(hidden)]
pub mod fuzzing;
pub mod limits;
pub mod report;
pub mod rulebook;
pub mod scenario;
pub mod schema;
pub mod serve;
pub mod simulate;
pub mod threshold;
pub mod vocab;
pub mod workspace;
pub mod wrap;
pub mod yaml;
