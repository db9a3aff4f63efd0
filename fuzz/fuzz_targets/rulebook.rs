//! Any bytes as a rulebook file: YAML, validation, compiling, the diagrams.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    treatysim::fuzzing::rulebook_bytes(data);
});
