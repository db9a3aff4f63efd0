//! Reading the files a user names, with errors a person understands.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::diag::Diagnostic;

/// The name a file read from standard input goes by in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether a path names standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// A path as messages show it: `<stdin>` for `-`; names that are not UTF-8 are shown
/// with their bad bytes replaced.
pub fn shown(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a UTF-8 text file (or standard input for `-`), refusing directories, files over
/// the `file-size` limit and other encodings.
pub fn read_text(path: &Path) -> Result<Arc<str>, Diagnostic> {
    use std::io::Read as _;
    let limit = crate::limits::get().file_size;
    let shown = shown(path);
    let cannot_read = |e: &std::io::Error| {
        Diagnostic::file(&shown, format!("cannot read the file: {}", io_reason(e)))
    };
    let reader: Box<dyn std::io::Read> = if is_stdin(path) {
        Box::new(std::io::stdin().lock())
    } else {
        let metadata = std::fs::metadata(path).map_err(|e| cannot_read(&e))?;
        if metadata.is_dir() {
            return Err(Diagnostic::file(&shown, "this is a directory, not a file")
                .with_help("name a .yaml file; `treatysim test` searches directories"));
        }
        if metadata.len() > limit {
            return Err(too_large(&shown, Some(metadata.len()), limit));
        }
        Box::new(std::fs::File::open(path).map_err(|e| cannot_read(&e))?)
    };
    // Standard input has no size to check first, and a file may grow after the check or
    // be a device that never ends: never read more than one byte past the limit.
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(&shown, None, limit));
    }
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

fn too_large(shown: &str, size: Option<u64>, limit: u64) -> Diagnostic {
    use crate::limits::{Name, Size, how_to_raise};
    let message = match size {
        Some(size) => format!(
            "the file is {} ({} bytes), over the file-size limit of {}",
            Size(size),
            crate::diag::thousands(size),
            Size(limit)
        ),
        None => format!("the input is over the file-size limit of {}", Size(limit)),
    };
    Diagnostic::file(shown, message).with_help(how_to_raise(
        Name::FileSize,
        size.unwrap_or(limit.saturating_add(1)),
    ))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Where output goes: a file, or standard output for `-` or no `-o`.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path.is_none_or(|p| p.as_os_str() == "-")
}

/// The folder a file is in: its parent, or `.` for a bare file name.
pub fn folder_of(path: &Path) -> std::path::PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

/// Writes `bytes` to `path` atomically: to a temporary file in the same folder, then
/// renamed into place, so a reader never sees half a file and a failure leaves nothing
/// behind. Refuses to write over any of `inputs`.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), Diagnostic> {
    use std::io::Write as _;
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(
            Diagnostic::file(&shown, "cannot write the output: this is a directory")
                .with_help("name a file to write, e.g. -o diagram.svg"),
        );
    }
    if let Ok(target) = path.canonicalize() {
        for input in inputs {
            if input.canonicalize().is_ok_and(|i| i == target) {
                return Err(Diagnostic::file(
                    &shown,
                    "refusing to write the output over an input file",
                )
                .with_help("choose another name for -o"));
            }
        }
    }
    let dir = folder_of(path);
    let fail = |e: std::io::Error| {
        Diagnostic::file(
            &shown,
            format!("cannot write the output: {}", io_reason(&e)),
        )
        .with_help("check that the folder exists and that you may write to it")
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".treatysim-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    // A temporary file is private (0600 on Unix); the output gets the permissions of the
    // file it replaces, or the usual 0644 for a new one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = match std::fs::metadata(path) {
            Ok(m) => m.permissions(),
            Err(_) => std::fs::Permissions::from_mode(0o644),
        };
        temp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// `to` as seen from the folder `from` (both absolute).
pub fn relative(from: &Path, to: &Path) -> PathBuf {
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..a.len() {
        out.push("..");
    }
    for part in &b[common..] {
        out.push(part);
    }
    out
}
