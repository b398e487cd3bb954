//! What a page's data.yaml names elsewhere in the report: a case's chapter, taxonomy keys and related cases,
//! and the sources of any page.

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::model::data::CaseInfo;
use crate::model::page::{Page, PageKind};
use crate::model::site::Site;
use crate::model::taxonomy::TaxonomyKind;
use crate::yaml::{Seg, Source};

/// "did you mean `best`?", in both languages.
fn suggest(d: Diagnostic, best: &str) -> Diagnostic {
    d.with_help(format!("did you mean `{best}`?"))
        .ja_help(format!("`{best}` のことですか？"))
}

/// A case's chapter is one of site.yaml's, and its taxonomy keys are defined in taxonomies.yaml.
pub(super) fn check_case(
    site: &Site,
    case: &CaseInfo,
    data: &Source<'_>,
    errors: &mut Vec<Diagnostic>,
) {
    if !site.config.chapters.contains(&case.chapter) {
        let d = data
            .error_at(
                Code::UnknownReference,
                &[Seg::Key("chapter")],
                format!("`{}` is not a chapter of this report", case.chapter),
            )
            .ja(format!("`{}` はこの報告書の章ではありません", case.chapter));
        errors.push(
            match did_you_mean(
                &case.chapter,
                site.config.chapters.iter().map(String::as_str),
            ) {
                Some(best) => suggest(d, best),
                None => d
                    .with_help(format!(
                        "the chapters (site.yaml) are: {}",
                        site.config.chapters.join(", ")
                    ))
                    .ja_help(format!(
                        "章（site.yaml）は {} です",
                        site.config.chapters.join("、")
                    )),
            },
        );
    }
    for kind in TaxonomyKind::ALL {
        for (i, key) in case.keys(kind).iter().enumerate() {
            if site.taxonomies.term(kind, key).is_some() {
                continue;
            }
            let defined = site.taxonomies.terms(kind).iter().map(|t| t.key.as_str());
            let d = data
                .error_at(
                    Code::UnknownReference,
                    &[Seg::Key(kind.key()), Seg::Index(i)],
                    format!(
                        "`{key}` is not defined in taxonomies.yaml under `{}`",
                        kind.key()
                    ),
                )
                .ja(format!(
                    "`{key}` は taxonomies.yaml の `{}` の下にありません",
                    kind.key()
                ));
            errors.push(match did_you_mean(key, defined) {
                Some(best) => suggest(d, best),
                None => d
                    .with_help(format!(
                        "add `{key}: {{ja: …, en: …}}` under `{}:` in content/taxonomies.yaml",
                        kind.key()
                    ))
                    .ja_help(format!(
                        "content/taxonomies.yaml の `{}:` の下に `{key}: {{ja: …, en: …}}` を加えてください",
                        kind.key()
                    )),
            });
        }
    }
    check_related(site, case, data, errors);
}

/// What is wrong with a related case, and how to fix it, in English and Japanese.
struct Problem {
    message: String,
    help: String,
    message_ja: String,
    help_ja: String,
}

/// The related cases a case names are other cases of the report, each named once.
fn check_related(site: &Site, case: &CaseInfo, data: &Source<'_>, errors: &mut Vec<Diagnostic>) {
    let cases = || {
        site.pages
            .iter()
            .filter(|p| p.kind == PageKind::Case)
            .map(|p| p.slug())
    };
    for (i, slug) in case.related.iter().flatten().enumerate() {
        let at = [Seg::Key("related"), Seg::Index(i)];
        let own = data
            .path
            .parent()
            .and_then(|d| d.file_name())
            .is_some_and(|n| n == slug.as_str());
        let problem = if own {
            Some(Problem {
                message: "a case cannot be related to itself".into(),
                help: "remove it from `related`".into(),
                message_ja: "事例を自分自身の関連事例にはできません".into(),
                help_ja: "`related` から消してください".into(),
            })
        } else if case.related.iter().flatten().take(i).any(|s| s == slug) {
            Some(Problem {
                message: format!("`{slug}` is listed twice in `related`"),
                help: "list each related case once".into(),
                message_ja: format!("`{slug}` が `related` に2回書かれています"),
                help_ja: "関連事例はそれぞれ一度だけ書いてください".into(),
            })
        } else if site.page(&format!("cases/{slug}")).is_none() {
            let (help, help_ja) = match did_you_mean(slug, cases()) {
                Some(best) => (
                    format!("did you mean `{best}`?"),
                    format!("`{best}` のことですか？"),
                ),
                None => (
                    "name cases by their folder below content/cases/, e.g. `related: [kobe, tsuruoka]`"
                        .into(),
                    "事例は content/cases/ の下のフォルダー名で書いてください。例：`related: [kobe, tsuruoka]`"
                        .into(),
                ),
            };
            Some(Problem {
                message: format!("there is no case `{slug}` (content/cases/{slug}/)"),
                help,
                message_ja: format!("事例 `{slug}` はありません（content/cases/{slug}/）"),
                help_ja,
            })
        } else {
            None
        };
        if let Some(p) = problem {
            errors.push(
                data.error_at(Code::UnknownReference, &at, p.message)
                    .with_help(p.help)
                    .ja(p.message_ja)
                    .ja_help(p.help_ja),
            );
        }
    }
}

/// The sources a page cites are defined in sources.yaml.
pub(super) fn check_sources(
    site: &Site,
    page: &Page,
    data: &Source<'_>,
    errors: &mut Vec<Diagnostic>,
) {
    for (i, id) in page.data.sources.iter().enumerate() {
        if site.source(id).is_some() {
            continue;
        }
        let d = data
            .error_at(
                Code::UnknownReference,
                &[Seg::Key("sources"), Seg::Index(i)],
                format!("the source `{id}` is not defined in sources.yaml"),
            )
            .ja(format!("出典 `{id}` は sources.yaml にありません"));
        errors.push(
            match did_you_mean(id, site.sources.iter().map(|s| s.id.as_str())) {
                Some(best) => suggest(d, best),
                None => d
                    .with_help(format!(
                        "add `{id}:` with its title, issuer and year to content/sources.yaml"
                    ))
                    .ja_help(format!(
                        "content/sources.yaml に `{id}:` を、題名・発行者・年とともに加えてください"
                    )),
            },
        );
    }
}
