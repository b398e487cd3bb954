//! The commands that write content: `hakusho new case|chapter|page` (new page folders whose placeholders are
//! marked `TODO`, so that `check` names them until they are replaced) and `hakusho translated <page>`. With
//! `output`, the only places that write files: `new` creates files that did not exist and, for a chapter,
//! adds it to `site.yaml`'s list; `translated` changes one front-matter line.

mod case;
mod chapter;
mod chapter_list;
mod page;
mod translated;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use case::new_case;
pub use chapter::{Listed, new_chapter};
pub use page::new_page;
pub use translated::translated;

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::load;
use crate::output::io_reason_ja;

/// Today's date (UTC) as `YYYY-MM-DD`: the placeholder date of a new page.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Refuses a name that cannot be a folder: `what` is "a case name", …; `example` the command to show.
fn check_slug(slug: &str, what: &str, example: &str) -> Result<(), Diagnostic> {
    match load::walk::slug_problem(slug) {
        Some(problem) => Err(Diagnostic::general(
            Code::Usage,
            format!("`{slug}` cannot be {what}: {problem}"),
        )
        .with_help(format!(
            "use lowercase letters, digits and -, e.g. `{example}`"
        ))
        .ja(format!(
            "`{slug}` はフォルダー名に使えません：{}",
            problem.ja
        ))
        .ja_help(format!(
            "半角の小文字、数字、- を使ってください。例：`{example}`"
        ))),
        None => Ok(()),
    }
}

/// The chapters of `site.yaml` and the ids of `sources.yaml`, or the first problem reading them.
fn outline(content: &Path) -> Result<(Vec<String>, Vec<String>), Diagnostic> {
    load::site_outline(content).map_err(|mut errors| {
        errors.truncate(1);
        errors.pop().unwrap_or_else(|| {
            Diagnostic::general(Code::Io, "the site cannot be read").ja("サイトを読めません")
        })
    })
}

/// A chapter named on the command line that `site.yaml` does not list (`prefix` says where it was named).
fn unknown_chapter(written: &str, prefix: &str, chapters: &[String]) -> Diagnostic {
    let list = chapters.join(", ");
    let near = did_you_mean(written, chapters.iter().map(String::as_str));
    let (help, help_ja) = match near {
        Some(near) => (
            format!("did you mean `{near}`? the chapters of site.yaml are: {list}"),
            format!("`{near}` のことですか？ site.yaml の章は {list} です"),
        ),
        None => (
            format!("the chapters of site.yaml are: {list}"),
            format!("site.yaml の章は {list} です"),
        ),
    };
    Diagnostic::general(
        Code::Usage,
        format!("{prefix}`{written}` is not a chapter of this report"),
    )
    .with_help(help)
    .ja(format!(
        "{prefix}`{written}` はこの報告書の章ではありません"
    ))
    .ja_help(help_ja)
}

/// Refuses a folder that exists already, whatever it holds.
fn refuse_existing(dir: &Path, help: &str, help_ja: &str) -> Result<(), Diagnostic> {
    if dir.symlink_metadata().is_ok() {
        return Err(
            Diagnostic::general(Code::Usage, format!("{} already exists", dir.display()))
                .with_help(help.to_string())
                .ja(format!("{} はすでにあります", dir.display()))
                .ja_help(help_ja.to_string()),
        );
    }
    Ok(())
}

/// The English file of a new page, following the Japanese one: `en` is given the Japanese text's version
/// for its `translated_from`.
fn page_files(
    dir: &Path,
    ja: String,
    en: impl FnOnce(&str) -> String,
) -> Vec<(&'static str, String)> {
    let version = load::parse_document_text(&dir.join("index.ja.md"), &ja)
        .map(|d| d.version())
        .unwrap_or_default();
    let en = en(&version);
    vec![("index.ja.md", ja), ("index.en.md", en)]
}

/// Refuses `path` (inside `content`) when any part of it that exists is a symlink leading out of
/// `content`, or cannot be followed: `new` and `translated` never write through one.
fn refuse_leaving_content(content: &Path, path: &Path) -> Result<(), Diagnostic> {
    let root = content
        .canonicalize()
        .map_err(|e| cannot_write(content, &e))?;
    let rel = path.strip_prefix(content).unwrap_or(path);
    let mut at = content.to_path_buf();
    for part in rel.components() {
        at.push(part);
        match fs::symlink_metadata(&at) {
            // Nothing below a part that does not exist exists either.
            Err(_) => break,
            Ok(meta) if meta.file_type().is_symlink() => {
                if !at
                    .canonicalize()
                    .is_ok_and(|target| target.starts_with(&root))
                {
                    return Err(Diagnostic::error(
                        Code::Symlink,
                        &at,
                        "this symlink leads outside the content folder (or nowhere); hakusho does not write through it",
                    )
                    .with_help("replace the link with a real folder or file inside content/")
                    .ja("このシンボリックリンクは content フォルダーの外を指している（またはたどれない）ため、その先には書き込みません")
                    .ja_help("リンクを content/ の中の本物のフォルダーやファイルに置き換えてください"));
                }
            }
            Ok(_) => {}
        }
    }
    Ok(())
}

/// Creates `dir` (with its parents, inside `content`) and the files in it; never replaces a file that
/// exists, never writes through a symlink that leaves `content`. Returns the files written.
fn write_new(
    content: &Path,
    dir: &Path,
    files: &[(&str, String)],
) -> Result<Vec<PathBuf>, Diagnostic> {
    refuse_leaving_content(content, dir)?;
    fs::create_dir_all(dir).map_err(|e| {
        Diagnostic::general(Code::Io, format!("cannot create {}: {e}", dir.display())).ja(format!(
            "{} を作れません（{}）",
            dir.display(),
            io_reason_ja(&e)
        ))
    })?;
    // Checked again once made: a link put in place meanwhile is caught before anything is written.
    refuse_leaving_content(content, dir)?;
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(name);
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(|e| cannot_write(&path, &e))?;
        written.push(path);
    }
    Ok(written)
}

/// A file `new` or `translated` cannot write.
fn cannot_write(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::general(Code::Io, format!("cannot write {}: {e}", path.display())).ja(format!(
        "{} に書き込めません（{}）",
        path.display(),
        io_reason_ja(e)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_792), (2026, 12, 5));
        assert_eq!(civil_from_days(20_818), (2026, 12, 31));
        assert_eq!(civil_from_days(20_819), (2027, 1, 1));
    }

    #[test]
    fn today_is_a_date_the_front_matter_accepts() {
        let today = today();
        assert!(
            crate::model::date::PartialDate::parse(&today).is_ok(),
            "{today}"
        );
    }
}
