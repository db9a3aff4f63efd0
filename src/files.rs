//! Reading the files a user names, with errors a person understands.

use std::path::Path;
use std::sync::Arc;

use crate::diag::Diagnostic;

/// The largest scenario or rulebook file read by default (bytes).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a UTF-8 text file, refusing directories, huge files and other encodings.
pub fn read_text(path: &Path) -> Result<Arc<str>, Diagnostic> {
    let shown = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| {
        Diagnostic::file(&shown, format!("cannot read the file: {}", io_reason(&e)))
    })?;
    if metadata.is_dir() {
        return Err(Diagnostic::file(&shown, "this is a directory, not a file")
            .with_help("name a .yaml file; `treatysim test` searches directories"));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            &shown,
            format!(
                "the file is {} bytes; files over {} bytes are refused",
                metadata.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::file(&shown, format!("cannot read the file: {}", io_reason(&e)))
    })?;
    String::from_utf8(bytes).map(Arc::from).map_err(|e| {
        Diagnostic::file(
            &shown,
            format!(
                "the file is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
        .with_help("save the file as UTF-8")
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
