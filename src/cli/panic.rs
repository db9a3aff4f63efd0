//! The panic hook: a bug in treatysim is reported as one, with exit code 70.

use std::io::Write;

/// The exit code after an internal error (a panic): EX_SOFTWARE from sysexits.h.
pub const INTERNAL_ERROR: i32 = 70;

/// A panic is a bug in treatysim, never the user's fault: print a short note saying so,
/// with the version and where, and exit 70, rather than Rust's backtrace advice. Set
/// RUST_BACKTRACE=1 to get the backtrace as well.
pub(super) fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "treatysim {}: internal error, please report it (with the command and the files \
             that caused it): {what}{place}",
            env!("CARGO_PKG_VERSION")
        );
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            let _ = writeln!(err, "{}", std::backtrace::Backtrace::force_capture());
        }
        let _ = err.flush();
        std::process::exit(INTERNAL_ERROR);
    }));
}
