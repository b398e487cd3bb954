//! What kind of file a path is, decided before it is opened: content is read only from regular files, so a
//! named pipe, socket or device in `content/` is refused instead of hanging or being read without end.

use std::fs;
use std::io;
use std::path::Path;

use crate::diag::{Code, Diagnostic};

/// The largest file beside a page that hakusho publishes (see README, "Policies").
pub(crate) const MAX_ASSET_BYTES: u64 = 256 * 1024 * 1024;

/// What a file is, in words (English, Japanese), for messages.
pub(crate) fn kind_words(t: &fs::FileType) -> (&'static str, &'static str) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return ("a named pipe (FIFO)", "名前付きパイプ（FIFO）");
        }
        if t.is_socket() {
            return ("a socket", "ソケット");
        }
        if t.is_block_device() || t.is_char_device() {
            return ("a device", "デバイス");
        }
    }
    if t.is_symlink() {
        ("a symlink", "シンボリックリンク")
    } else if t.is_dir() {
        ("a folder", "フォルダー")
    } else if t.is_file() {
        ("a file", "ファイル")
    } else {
        ("not a regular file", "普通のファイルではないもの")
    }
}

/// The error for a path in content that is not a regular file (its symlink followed), or `None` when it is
/// one (or cannot be examined: opening it then reports why).
pub(crate) fn not_regular(path: &Path) -> Option<Diagnostic> {
    let meta = fs::metadata(path).ok()?;
    if meta.is_file() {
        return None;
    }
    Some(refused(path, &meta.file_type()))
}

fn refused(path: &Path, t: &fs::FileType) -> Diagnostic {
    let (what, what_ja) = kind_words(t);
    Diagnostic::error(
        Code::NotText,
        path,
        format!("this is {what}, not a regular file; hakusho does not open it"),
    )
    .with_help("replace it with a regular file, or remove it")
    .ja(format!(
        "これは{what_ja}で、普通のファイルではないため、開きません"
    ))
    .ja_help("普通のファイルに置き換えるか、消してください")
}

/// Opens a regular file for reading without waiting (a file swapped for a named pipe after it was looked
/// at is refused, not waited on); anything else is an error of kind `InvalidInput`.
pub(crate) fn open_regular(path: &Path) -> io::Result<fs::File> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a regular file", kind_words(&meta.file_type()).0),
        ));
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a regular file", kind_words(&meta.file_type()).0),
        ));
    }
    Ok(file)
}

/// The error for a file beside a page that is larger than [`MAX_ASSET_BYTES`], or `None`.
pub(crate) fn too_large_asset(path: &Path) -> Option<Diagnostic> {
    let len = fs::metadata(path).ok()?.len();
    (len > MAX_ASSET_BYTES).then(|| {
        let mib = MAX_ASSET_BYTES / (1024 * 1024);
        Diagnostic::error(
            Code::NotText,
            path,
            format!("the file is larger than {mib} MiB, the most hakusho publishes beside a page"),
        )
        .with_help("make the file smaller, or publish it elsewhere and link to it")
        .ja(format!(
            "ファイルが {mib} MiB を超えています。ページと一緒に公開できるのは {mib} MiB までです"
        ))
        .ja_help("ファイルを小さくするか、別の場所で公開してリンクしてください")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_pipe_is_refused_without_being_opened() {
        let dir = std::env::temp_dir().join(format!("hakusho-kind-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let pipe = dir.join("p");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap();
        assert!(made.success());
        let d = not_regular(&pipe).unwrap();
        assert!(
            d.message.starts_with("this is a named pipe (FIFO)"),
            "{}",
            d.message
        );
        assert_eq!(
            open_regular(&pipe).unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
        assert!(not_regular(Path::new("/dev/zero")).is_some());
        fs::write(dir.join("f"), "x").unwrap();
        assert!(not_regular(&dir.join("f")).is_none());
        assert!(open_regular(&dir.join("f")).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }
}
