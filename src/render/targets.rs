//! Where a link written in content leads: `/cases/kobe/`, `/en/cases/kobe/#概要`, `../kobe/`, `photo.jpg`,
//! `../kobe/index.en.md`.

use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::model::site::Site;

/// Pages hakusho generates in each language (besides the content pages).
pub const GENERATED: [&str; 9] = [
    "cases",
    "figures",
    "glossary",
    "sources",
    "regions",
    "fields",
    "programmes",
    "search",
    "report",
];

/// A resolved link target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Site path: `ja/cases/kobe/` or `ja/cases/kobe/photo.jpg`.
    pub path: String,
    /// The `#fragment`, if any.
    pub fragment: Option<String>,
    /// The page id, when the target is a content page.
    pub page_id: Option<String>,
}

/// Resolves `written` as found in `page`'s document, for the page in `lang`.
pub fn resolve_target(
    site: &Site,
    page: &Page,
    lang: Lang,
    written: &str,
) -> Result<Target, String> {
    let (without_fragment, fragment) = match written.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f).into_owned())),
        None => (written, None),
    };
    let path = without_fragment.split('?').next().unwrap_or("");
    let path = percent_decode(path);
    if path.is_empty() {
        return Ok(Target {
            path: super::urls::page_path(lang, &page.id),
            fragment,
            page_id: Some(page.id.clone()),
        });
    }
    let (lang, segments) = if let Some(abs) = path.strip_prefix('/') {
        let mut segs: Vec<&str> = abs.split('/').filter(|s| !s.is_empty()).collect();
        let lang = match segs.first().and_then(|s| Lang::from_code(s)) {
            Some(l) => {
                segs.remove(0);
                l
            }
            None => lang,
        };
        (lang, segs)
    } else {
        let mut segs: Vec<&str> = page.id.split('/').filter(|s| !s.is_empty()).collect();
        for part in path.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    if segs.pop().is_none() {
                        return Err("it leads above the top of the report".into());
                    }
                }
                other => segs.push(other),
            }
        }
        (lang, segs)
    };
    let mut segments = segments;
    let mut lang = lang;
    if let Some(last) = segments.last() {
        if *last == "index.html" {
            segments.pop();
        } else if let Some(code) = last
            .strip_prefix("index.")
            .and_then(|r| r.strip_suffix(".md"))
        {
            lang = Lang::from_code(code).ok_or_else(|| format!("`{last}` is not a page file"))?;
            segments.pop();
        }
    }
    if segments.iter().any(|s| *s == ".." || s.contains('\\')) {
        return Err("`..` is not allowed here".into());
    }
    let id = segments.join("/");
    if site.page(&id).is_some() {
        return Ok(Target {
            path: super::urls::page_path(lang, &id),
            fragment,
            page_id: Some(id),
        });
    }
    if segments.len() == 1 && GENERATED.contains(&segments[0]) {
        return Ok(Target {
            path: super::urls::page_path(lang, &id),
            fragment,
            page_id: None,
        });
    }
    if let [taxonomy, key] = segments.as_slice() {
        let kind = crate::model::taxonomy::TaxonomyKind::ALL
            .into_iter()
            .find(|k| k.key() == *taxonomy);
        if let Some(kind) = kind {
            let used = site.term_is_used(kind, key);
            return match site.taxonomies.term(kind, key) {
                Some(_) if !used => Err(format!(
                    "no case is filed under `{key}`, so the page /{taxonomy}/{key}/ does not exist"
                )),
                Some(_) => Ok(Target {
                    path: super::urls::page_path(lang, &id),
                    fragment,
                    page_id: None,
                }),
                None => Err(format!(
                    "there is no term `{key}` under `{taxonomy}` in taxonomies.yaml"
                )),
            };
        }
    }
    if let Some((file, folder)) = segments.split_last() {
        let folder_id = folder.join("/");
        if let Some(owner) = site.page(&folder_id) {
            let asset = if folder_id.is_empty() {
                file.to_string()
            } else {
                format!("{folder_id}/{file}")
            };
            if owner
                .assets
                .iter()
                .any(|a| a.to_string_lossy().replace('\\', "/") == asset)
            {
                return Ok(Target {
                    path: format!("{}/{asset}", lang.code()),
                    fragment,
                    page_id: None,
                });
            }
            if file.contains('.') {
                return Err(format!("there is no file `{file}` in content/{folder_id}"));
            }
        }
    }
    Err(format!("there is no page content/{id}/"))
}

fn percent_decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('%') {
        return s.into();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned().into()
}
