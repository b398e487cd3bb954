//! What a content page says about itself for citing and for machines: the "Cite this" block and its
//! BibTeX and RIS files (cases and chapters), the Highwire `citation_*` meta tags Google Scholar reads, and
//! schema.org JSON-LD (a `Report`, linked to its translation, and a `Dataset` per chart).

use serde_json::{Value, json};

use super::cite::{Citation, Work};
use super::context::Context;
use super::identity::iso_date;
use super::meta_views::{CiteDownload, CiteView, MetaTag};
use super::urls::page_path;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};

/// A citation with the files it is offered as: the view, and (site path, bytes) of each file.
pub(crate) struct CiteFiles {
    pub view: CiteView,
    pub files: Vec<(String, Vec<u8>)>,
}

/// The work a page is, described for citing; `None` for pages that are not cited (the cover, other pages,
/// a page shown in the other language).
fn page_work<'a>(ctx: &Context<'a>, page: &'a Page, lang: Lang, url: &'a str) -> Option<Work<'a>> {
    let kind = match page.kind {
        PageKind::Case => "cite_kind_case",
        PageKind::Chapter => "cite_kind_chapter",
        PageKind::Home | PageKind::Other => return None,
    };
    let (doc, doc_lang) = page.doc_for(lang);
    if doc_lang != lang {
        return None;
    }
    let cfg = &ctx.site.config;
    Some(Work {
        lang,
        title: &doc.title,
        kind: theme_str(ctx, lang, kind),
        report: cfg.title.get(lang),
        publisher: cfg.publisher.get(lang),
        edition: cfg.identity.edition.as_ref().map(|e| e.get(lang).as_str()),
        date: doc.date.or(cfg.identity.published),
        url,
        key: "",
    })
}

/// A theme string borrowed from the theme (present in both languages: the loader fills gaps).
fn theme_str<'a>(ctx: &Context<'a>, lang: Lang, key: &str) -> &'a str {
    ctx.theme
        .strings
        .get(lang)
        .get(key)
        .map(String::as_str)
        .unwrap_or("")
}

/// A BibTeX key for a page or figure id in `lang`: `hakusho-cases-kobe-ja`.
pub(crate) fn cite_key(id: &str, lang: Lang) -> String {
    let mut key = String::from("hakusho-");
    for ch in id.chars() {
        key.push(if ch.is_ascii_alphanumeric() { ch } else { '-' });
    }
    key.push('-');
    key.push_str(lang.code());
    key
}

/// The "Cite this" block of `work` and its files, written in the folder `dir` (a site path ending in `/`)
/// as `<name>-<lang>.bib` and `.ris` (the names of every download: the two languages never share one), linked from the page at `from`. Figure pages use it too.
pub(crate) fn cite_files(
    ctx: &Context<'_>,
    work: &Work<'_>,
    heading_key: &str,
    dir: &str,
    name: &str,
    from: &str,
) -> CiteFiles {
    let lang = work.lang;
    let citation = Citation::of(work);
    let mut files = Vec::new();
    let mut downloads = Vec::new();
    for (ext, label, media_type, bytes) in [
        (
            "bib",
            "BibTeX",
            "application/x-bibtex",
            citation.bibtex.as_bytes(),
        ),
        (
            "ris",
            "RIS",
            "application/x-research-info-systems",
            citation.ris.as_bytes(),
        ),
    ] {
        let file = format!("{name}-{}.{ext}", lang.code());
        let path = format!("{dir}{file}");
        downloads.push(CiteDownload {
            label: label.to_string(),
            url: ctx.urls.href(from, &path),
            file,
            media_type,
        });
        files.push((path, bytes.to_vec()));
    }
    CiteFiles {
        view: CiteView {
            heading: ctx.t(lang, heading_key),
            text: citation.text(lang).to_string(),
            downloads,
        },
        files,
    }
}

/// The citation block and files of a figure, `heading` being its number and title, written in its folder
/// `dir` (its page's address) as `<chart id>-<lang>.bib` and `.ris`.
pub(crate) fn figure_cite(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    heading: &str,
    chart_id: &str,
    dir: &str,
) -> CiteFiles {
    let cfg = &ctx.site.config;
    let url = ctx.urls.absolute(dir);
    let key = cite_key(&format!("figures/{chart_id}"), lang);
    let work = Work {
        lang,
        title: heading,
        kind: theme_str(ctx, lang, "cite_kind_figure"),
        report: cfg.title.get(lang),
        publisher: cfg.publisher.get(lang),
        edition: cfg.identity.edition.as_ref().map(|e| e.get(lang).as_str()),
        date: page.doc_for(lang).0.date.or(cfg.identity.published),
        url: &url,
        key: &key,
    };
    cite_files(ctx, &work, "cite_heading_figure", dir, chart_id, dir)
}

/// The citation block and files of a content page, if it is cited.
pub(crate) fn page_cite(ctx: &Context<'_>, page: &Page, lang: Lang) -> Option<CiteFiles> {
    let from = page_path(lang, &page.id);
    let url = ctx.urls.absolute(&from);
    let key = cite_key(&page.id, lang);
    let mut work = page_work(ctx, page, lang, &url)?;
    work.key = &key;
    let heading = match page.kind {
        PageKind::Chapter => "cite_heading_chapter",
        _ => "cite_heading_case",
    };
    Some(cite_files(ctx, &work, heading, &from, page.slug(), &from))
}

/// The `citation_*` meta tags of a cited page.
pub(crate) fn citation_meta(ctx: &Context<'_>, page: &Page, lang: Lang) -> Vec<MetaTag> {
    let from = page_path(lang, &page.id);
    let url = ctx.urls.absolute(&from);
    let Some(work) = page_work(ctx, page, lang, &url) else {
        return Vec::new();
    };
    let tag = |name, content: &str| MetaTag {
        name,
        content: content.to_string(),
    };
    let mut tags = vec![
        tag("citation_title", work.title),
        tag("citation_author", work.publisher),
        tag("citation_technical_report_institution", work.publisher),
        tag("citation_inbook_title", work.report),
    ];
    if let Some(d) = work.date {
        tags.push(tag(
            "citation_publication_date",
            &iso_date(d).replace('-', "/"),
        ));
    }
    tags.push(tag("citation_language", lang.code()));
    tags.push(tag("citation_abstract_html_url", &url));
    if page.kind == PageKind::Case
        && let Some(pdf) = super::pdf_links::absolute(ctx, lang, &page.id)
    {
        tags.push(tag("citation_pdf_url", &pdf));
    }
    tags
}

/// schema.org JSON-LD for a content page, ready to go inside `<script type="application/ld+json">`.
pub(crate) fn json_ld(ctx: &Context<'_>, page: &Page, lang: Lang, description: &str) -> String {
    let cfg = &ctx.site.config;
    let (doc, doc_lang) = page.doc_for(lang);
    let url = ctx.urls.absolute(&page_path(doc_lang, &page.id));
    let org = json!({"@type": "Organization", "name": cfg.publisher.get(doc_lang)});
    let mut report = json!({
        "@type": "Report",
        "@id": url,
        "url": url,
        "name": if page.kind == PageKind::Home { cfg.title.get(doc_lang) } else { &doc.title },
        "description": description,
        "inLanguage": doc_lang.code(),
        "author": org,
        "publisher": org,
    });
    let obj = report.as_object_mut().expect("a JSON object");
    if page.kind != PageKind::Home {
        let home = ctx.urls.absolute(&page_path(doc_lang, ""));
        obj.insert(
            "isPartOf".into(),
            json!({"@type": "Report", "@id": home, "name": cfg.title.get(doc_lang)}),
        );
    }
    if let Some(d) = doc.date.or(cfg.identity.published) {
        obj.insert("datePublished".into(), iso_date(d).into());
    }
    let report_updated = cfg.identity.updated.filter(|_| page.kind == PageKind::Home);
    if let Some(d) = doc.updated.or(report_updated) {
        obj.insert("dateModified".into(), iso_date(d).into());
    }
    if let Some(e) = &cfg.identity.edition {
        obj.insert("version".into(), e.get(doc_lang).as_str().into());
    }
    if let Some(url) = cfg.identity.licence.as_ref().and_then(|l| l.url.as_ref()) {
        obj.insert("license".into(), url.as_str().into());
    }
    let other = doc_lang.other();
    if let Some(other_doc) = page.docs.get(other) {
        let other_url = ctx.urls.absolute(&page_path(other, &page.id));
        let this_is_translation = match (&doc.translated_from, &other_doc.translated_from) {
            (Some(_), _) => true,
            (None, Some(_)) => false,
            (None, None) => doc_lang != cfg.default_language,
        };
        let link = json!({"@type": "Report", "@id": other_url, "inLanguage": other.code()});
        let key = if this_is_translation {
            "translationOfWork"
        } else {
            "workTranslation"
        };
        obj.insert(key.into(), link);
    }
    let mut graph = vec![report];
    graph.extend(datasets(ctx, page, doc_lang));
    script_safe(&json!({"@context": "https://schema.org", "@graph": graph}))
}

/// A `Dataset` for each chart of the page: its figure page, its data as CSV and as an Excel workbook.
fn datasets(ctx: &Context<'_>, page: &Page, lang: Lang) -> Vec<Value> {
    let cfg = &ctx.site.config;
    page.data
        .charts
        .iter()
        .map(|chart| {
            let title = chart.title.get(lang);
            let series: Vec<&str> = chart
                .series
                .iter()
                .map(|s| s.name.get(lang).as_str())
                .collect();
            let unit = chart
                .unit
                .as_ref()
                .map(|u| u.get(lang).as_str())
                .filter(|u| !u.is_empty());
            let description = super::strings::fill(
                &ctx.t(lang, "dataset_description"),
                &[
                    ("title", title),
                    ("series", &series.join(&ctx.t(lang, "source_separator"))),
                ],
            );
            let home = super::figure::figure_dir(lang, &chart.id);
            let file = |ext| {
                let name = super::figure::download_name(&chart.id, lang, ext);
                ctx.urls.absolute(&format!("{home}{name}"))
            };
            let mut d = json!({
                "@type": "Dataset",
                "@id": ctx.urls.absolute(&home),
                "url": ctx.urls.absolute(&home),
                "name": title,
                "description": description,
                "inLanguage": lang.code(),
                "creator": {"@type": "Organization", "name": cfg.publisher.get(lang)},
                "variableMeasured": series.iter().map(|s| match unit {
                    Some(u) => json!({"@type": "PropertyValue", "name": s, "unitText": u}),
                    None => json!({"@type": "PropertyValue", "name": s}),
                }).collect::<Vec<_>>(),
                "distribution": [
                    {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": file("csv")},
                    {
                        "@type": "DataDownload",
                        "encodingFormat":
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "contentUrl": file("xlsx"),
                    },
                ],
            });
            if let Some(url) = cfg.identity.licence.as_ref().and_then(|l| l.url.as_ref()) {
                d["license"] = url.as_str().into();
            }
            d
        })
        .collect()
}

/// JSON that cannot end its `<script>` element or open a comment: `<`, `>` and `&` written as `\u003c`,
/// `\u003e`, `\u0026` (still the same JSON), and the line separators JavaScript once refused escaped too.
pub(crate) fn script_safe(value: &Value) -> String {
    let text = serde_json::to_string(value).expect("JSON values serialise");
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_end_the_script() {
        let v = json!({"name": "</script><script>alert(1)</script><!-- & \u{2028}"});
        let s = script_safe(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }

    #[test]
    fn keys_are_ascii() {
        assert_eq!(cite_key("cases/kobe", Lang::Ja), "hakusho-cases-kobe-ja");
        assert_eq!(
            cite_key("chapters/神戸", Lang::En),
            "hakusho-chapters----en"
        );
    }
}
