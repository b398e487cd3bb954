//! Reading content files: a size limit, UTF-8 with the position of the first bad byte, no BOM, LF line ends.

use std::io::Read;
use std::path::Path;

use crate::diag::{Code, Diagnostic, position_of, refuse_controls};

/// Largest Markdown or YAML file hakusho reads (see README, "Policies").
pub(crate) const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a text file from content, refusing files that are too large or not UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    if let Some(refused) = super::file_kind::not_regular(path) {
        return Err(refused);
    }
    let file = super::file_kind::open_regular(path).map_err(|e| io_error(path, &e))?;
    // Sized from the file's length (read in one go), but never trusted past the limit.
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_TEXT_BYTES);
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, &e))?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(Diagnostic::error(
            Code::NotText,
            path,
            format!(
                "the file is larger than {} MiB, the most hakusho reads as text",
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
        )
        .with_help("split it into several pages, or move large data out of the text")
        .ja(format!(
            "ファイルが {} MiB を超えています。hakusho が文として読めるのは {} MiB までです",
            MAX_TEXT_BYTES / (1024 * 1024),
            MAX_TEXT_BYTES / (1024 * 1024)
        ))
        .ja_help("いくつかのページに分けるか、大きなデータを本文の外に移してください"));
    }
    decode(path, bytes)
}

/// Decodes UTF-8, reporting where the first invalid byte is.
pub(crate) fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    // Checked with SIMD (content is mostly Japanese, where the standard check goes byte by byte); the
    // standard check runs only to place an error.
    let text = match simdutf8::basic::from_utf8(&bytes) {
        // SAFETY: simdutf8 has just found `bytes` to be valid UTF-8.
        Ok(_) => unsafe { String::from_utf8_unchecked(bytes) },
        Err(_) => return Err(not_utf8(path, bytes)),
    };
    // NUL and CR are rare: one search for both.
    let text = if memchr::memchr2(b'\0', b'\r', text.as_bytes()).is_none() {
        text
    } else if text.contains('\0') {
        let at = position_of(&text, text.find('\0').unwrap_or(0));
        return Err(Diagnostic::error(
            Code::NotText,
            path,
            "the file contains a NUL character; it is not a text file",
        )
        .at(at.line, at.column)
        .ja("ファイルに NUL 文字があります。テキストファイルではありません"));
    } else {
        text.replace("\r\n", "\n").replace('\r', "\n")
    };
    // Other control characters would break feeds and pages, or reach a terminal (see README, "Policies").
    refuse_controls(path, &text)?;
    Ok(text)
}

/// The error for bytes that are not UTF-8: where the first bad byte is, and what the file probably is.
fn not_utf8(path: &Path, bytes: Vec<u8>) -> Diagnostic {
    let valid = match std::str::from_utf8(&bytes) {
        Ok(_) => {
            return Diagnostic::error(Code::NotText, path, "the file is not valid UTF-8")
                .ja("ファイルが UTF-8 ではありません");
        }
        Err(e) => e.valid_up_to(),
    };
    let prefix = String::from_utf8_lossy(&bytes[..valid]);
    let pos = position_of(&prefix, prefix.len());
    let (help, help_ja) = if looks_like_shift_jis(&bytes) {
        (
            "the file looks like Shift_JIS: save it as UTF-8 (in most editors: Save with encoding → UTF-8)",
            "このファイルは Shift_JIS のようです。UTF-8 で保存し直してください（多くのエディターでは「エンコードを指定して保存」→「UTF-8」）",
        )
    } else {
        (
            "save the file as UTF-8",
            "ファイルを UTF-8 で保存し直してください",
        )
    };
    Diagnostic::error(
        Code::NotText,
        path,
        format!("the file is not valid UTF-8 (byte 0x{:02X})", bytes[valid]),
    )
    .at(pos.line, pos.column)
    .with_help(help)
    .ja(format!(
        "ファイルが UTF-8 ではありません（0x{:02X} のバイトがあります）",
        bytes[valid]
    ))
    .ja_help(help_ja)
}

/// Shift_JIS lead bytes 0x81–0x9F / 0xE0–0xEF followed by a trail byte 0x40–0xFC, several times.
fn looks_like_shift_jis(bytes: &[u8]) -> bool {
    let pairs = bytes
        .windows(2)
        .filter(|w| {
            matches!(w[0], 0x81..=0x9F | 0xE0..=0xEF) && matches!(w[1], 0x40..=0x7E | 0x80..=0xFC)
        })
        .count();
    pairs >= 2
}

/// Why a file or folder could not be read, in Japanese: plain words for the common reasons, else the
/// system's own words in parentheses.
pub(crate) fn io_reason_ja(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "読み取りの権限がありません".into(),
        std::io::ErrorKind::NotFound => "見つかりません".into(),
        _ => format!("システムの説明：{e}"),
    }
}

/// An I/O error on a content file, for editors.
pub(crate) fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    let (what, ja) = match e.kind() {
        std::io::ErrorKind::PermissionDenied => (
            "cannot be read: permission denied".to_string(),
            "ファイルを読めません。読み取りの権限がありません".to_string(),
        ),
        std::io::ErrorKind::NotFound => (
            "does not exist".to_string(),
            "ファイルがありません".to_string(),
        ),
        _ => (
            format!("cannot be read: {e}"),
            format!("ファイルを読めません（システムの説明：{e}）"),
        ),
    };
    Diagnostic::error(Code::Io, path, format!("the file {what}")).ja(ja)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_bad_bytes_with_position() {
        let bytes = b"title: ok\n\x93\xfa\x96\x7b".to_vec(); // 日本 in Shift_JIS
        let err = decode(Path::new("a.md"), bytes).unwrap_err().to_string();
        assert_eq!(
            err,
            "a.md:2:1: error: the file is not valid UTF-8 (byte 0x93)\n  help: the file looks like Shift_JIS: save it as UTF-8 (in most editors: Save with encoding → UTF-8)"
        );
    }

    #[test]
    fn tells_in_japanese_what_the_file_is() {
        use crate::diag::MessageLanguage::Japanese;
        let d = decode(Path::new("a.md"), b"title: ok\n\x93\xfa\x96\x7b".to_vec()).unwrap_err();
        assert_eq!(
            d.message_in(Japanese),
            "ファイルが UTF-8 ではありません（0x93 のバイトがあります）"
        );
        assert!(
            d.help_in(Japanese)
                .unwrap()
                .starts_with("このファイルは Shift_JIS のようです。")
        );
        let e = std::io::Error::from_raw_os_error(6);
        let d = io_error(Path::new("a.md"), &e);
        assert_eq!(d.message, format!("the file cannot be read: {e}"));
        assert_eq!(
            d.message_in(Japanese),
            format!("ファイルを読めません（システムの説明：{e}）")
        );
        let d = io_error(Path::new("a.md"), &std::io::ErrorKind::NotFound.into());
        assert_eq!(d.message_in(Japanese), "ファイルがありません");
    }

    #[test]
    fn strips_bom_and_crlf() {
        let text = decode(Path::new("a"), b"\xEF\xBB\xBFa\r\nb".to_vec()).unwrap();
        assert_eq!(text, "a\nb");
    }
}
