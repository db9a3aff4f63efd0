//! The `treatysim` binary: everything is in the library; this only sets the exit code.

fn main() {
    std::process::exit(treatysim::cli::main());
}
