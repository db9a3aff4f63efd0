//! Any bytes as a scenario file: YAML, validation, the engine, every output.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    treatysim::fuzzing::scenario_bytes(data);
});
