//! Where a link written in content leads: `/cases/kobe/`, `/en/cases/kobe/#概要`, `../kobe/`, `photo.jpg`,
//! `../kobe/index.en.md`.

use super::deps::{Dep, Deps};
use super::urls::page_path;
use crate::markdown::LinkError;
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::model::site::Site;
use crate::model::taxonomy::TaxonomyKind;

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

/// Resolves `written` as found in `page`'s document, for the page in `lang`, recording in `deps` what it
/// read of other pages.
pub(crate) fn resolve_target(
    site: &Site,
    page: &Page,
    lang: Lang,
    written: &str,
    deps: &mut Deps,
) -> Result<Target, LinkError> {
    let (without_fragment, fragment) = match written.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f).into_owned())),
        None => (written, None),
    };
    let path = without_fragment.split('?').next().unwrap_or("");
    let path = percent_decode(path);
    if path.is_empty() {
        return Ok(Target {
            path: page_path(lang, &page.id),
            fragment,
            page_id: Some(page.id.clone()),
        });
    }
    let (lang, segments) = segments(page, lang, &path)?;
    let id = segments.join("/");
    let target = |path: String, page_id: Option<String>| Target {
        path,
        fragment: fragment.clone(),
        page_id,
    };
    if let Some(index) = site.page_index(&id) {
        deps.add(Dep::Listing(index));
        return Ok(target(page_path(lang, &id), Some(id)));
    }
    if segments.len() == 1 && GENERATED.contains(&segments[0]) {
        return Ok(target(page_path(lang, &id), None));
    }
    if let [taxonomy, key] = segments.as_slice()
        && let Some(kind) = TaxonomyKind::ALL.into_iter().find(|k| k.key() == *taxonomy)
    {
        deps.add(Dep::TermsInUse);
        return term_page(site, kind, key).map(|()| target(page_path(lang, &id), None));
    }
    if let Some((file, folder)) = segments.split_last() {
        let folder_id = folder.join("/");
        if let Some(index) = site.page_index(&folder_id) {
            deps.add(Dep::Listing(index));
            return asset(&site.pages[index], file)
                .map(|asset| target(format!("{}/{asset}", lang.code()), None));
        }
    }
    Err(no_page(&id, Some(site)))
}

/// There is no page `content/<id>/`; with the site, the page meant if the id looks like a typo of one.
fn no_page(id: &str, site: Option<&Site>) -> LinkError {
    let near = site.and_then(|site| {
        crate::diag::did_you_mean(
            id,
            site.pages
                .iter()
                .map(|p| p.id.as_str())
                .filter(|p| !p.is_empty()),
        )
    });
    match near {
        Some(near) => LinkError::new(
            format!("there is no page content/{id}/; did you mean `/{near}/`?"),
            format!("ページ content/{id}/ がありません。`/{near}/` のことですか？"),
        ),
        None => LinkError::new(
            format!("there is no page content/{id}/"),
            format!("ページ content/{id}/ がありません"),
        ),
    }
}

/// The language and the path segments (below the language) of a link's path: absolute (`/cases/kobe/`,
/// `/en/cases/kobe/`) or relative to `page` (`../kobe/`), a page file named for its language
/// (`../kobe/index.en.md`) or `index.html` standing for its folder.
fn segments<'p>(
    page: &'p Page,
    lang: Lang,
    path: &'p str,
) -> Result<(Lang, Vec<&'p str>), LinkError> {
    let mut lang = lang;
    let mut segments: Vec<&str> = if let Some(abs) = path.strip_prefix('/') {
        let mut segs: Vec<&str> = abs.split('/').filter(|s| !s.is_empty()).collect();
        if let Some(l) = segs.first().and_then(|s| Lang::from_code(s)) {
            segs.remove(0);
            lang = l;
        }
        segs
    } else {
        let mut segs: Vec<&str> = page.id.split('/').filter(|s| !s.is_empty()).collect();
        for part in path.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    if segs.pop().is_none() {
                        return Err(LinkError::new(
                            "it leads above the top of the report",
                            "リンク先がレポートのいちばん上のフォルダーより上になっています",
                        ));
                    }
                }
                other => segs.push(other),
            }
        }
        segs
    };
    if let Some(last) = segments.last() {
        if *last == "index.html" {
            segments.pop();
        } else if let Some(code) = last
            .strip_prefix("index.")
            .and_then(|r| r.strip_suffix(".md"))
        {
            lang = Lang::from_code(code).ok_or_else(|| {
                LinkError::new(
                    format!("`{last}` is not a page file"),
                    format!("`{last}` はページのファイルではありません"),
                )
            })?;
            segments.pop();
        }
    }
    if segments.iter().any(|s| *s == ".." || s.contains('\\')) {
        return Err(LinkError::new(
            "`..` is not allowed here",
            "ここでは `..` は使えません",
        ));
    }
    Ok((lang, segments))
}

/// Whether the page of the term `key` of `kind` exists: the term is defined and some case uses it.
fn term_page(site: &Site, kind: TaxonomyKind, key: &str) -> Result<(), LinkError> {
    let taxonomy = kind.key();
    match site.taxonomies.term(kind, key) {
        Some(_) if !site.term_is_used(kind, key) => Err(LinkError::new(
            format!(
                "no case is filed under `{key}`, so the page /{taxonomy}/{key}/ does not exist"
            ),
            format!(
                "`{key}` に分類された事例が一つもないため、ページ /{taxonomy}/{key}/ はありません"
            ),
        )),
        Some(_) => Ok(()),
        None => Err(LinkError::new(
            format!("there is no term `{key}` under `{taxonomy}` in taxonomies.yaml"),
            format!("taxonomies.yaml の `{taxonomy}` に `{key}` がありません"),
        )),
    }
}

/// The path below `content/` of the file `file` of the page `owner`, if it has one.
fn asset(owner: &Page, file: &str) -> Result<String, LinkError> {
    let asset = if owner.id.is_empty() {
        file.to_string()
    } else {
        format!("{}/{file}", owner.id)
    };
    if owner
        .assets
        .iter()
        .any(|a| a.to_string_lossy().replace('\\', "/") == asset)
    {
        return Ok(asset);
    }
    if file.contains('.') {
        return Err(LinkError::new(
            format!("there is no file `{file}` in content/{}", owner.id),
            format!("content/{} にファイル `{file}` がありません", owner.id),
        ));
    }
    Err(no_page(&asset, None))
}

fn percent_decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('%') {
        return s.into();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned().into()
}
