//! Any bytes as a scenario file, as far as the HTML report and the path's diagrams.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    treatysim::fuzzing::report_bytes(data);
});
