//! The map of Japan on the cover and the regions index: the prefectures with cases, the cases with
//! coordinates, drawn by [`crate::map`], with its text alternative and the same links as a list.

use super::context::Context;
use super::deps::{Dep, Deps};
use super::map_view::{MapLink, MapListEntry, MapView};
use super::terms::{term_url, used_terms};
use super::urls::page_path;
use crate::map::{Layout, MapInput, MapMark, MapRegion, draw};
use crate::model::lang::Lang;
use crate::model::taxonomy::TaxonomyKind;

/// The map for a page at `from` in `lang`, or `None` when no region of a case has a prefecture code.
pub(crate) fn map_view(
    ctx: &Context<'_>,
    lang: Lang,
    from: &str,
    deps: &mut Deps,
) -> Option<MapView> {
    deps.add(Dep::TermsInUse);
    let used = used_terms(ctx.site, TaxonomyKind::Regions);
    let mut regions = Vec::new();
    let mut list = Vec::new();
    for (term, cases) in &used {
        let Some(code) = term.code else { continue };
        let url = ctx
            .urls
            .href(from, &term_url(lang, TaxonomyKind::Regions, &term.key));
        let name = term.label.get(lang).clone();
        regions.push(MapRegion {
            code,
            name: name.clone(),
            url: url.clone(),
        });
        list.push(MapListEntry {
            region: MapLink { title: name, url },
            cases: cases
                .iter()
                .map(|p| MapLink {
                    title: p.doc_for(lang).0.title.clone(),
                    url: ctx.urls.href(from, &page_path(lang, &p.id)),
                })
                .collect(),
        });
    }
    if regions.is_empty() {
        return None;
    }
    let mut marks = Vec::new();
    for (index, page) in ctx.site.pages.iter().enumerate() {
        let Some(point) = page.data.case.as_ref().and_then(|c| c.point.as_ref()) else {
            continue;
        };
        deps.add(Dep::Listing(index));
        marks.push(MapMark {
            lat: point.lat,
            lon: point.lon,
            label: point.place.get(lang).clone(),
        });
    }
    let sep = ctx.t(lang, "map_separator");
    let names: Vec<&str> = regions.iter().map(|r| r.name.as_str()).collect();
    let places: Vec<&str> = marks.iter().map(|m| m.label.as_str()).collect();
    let mut description = super::strings::fill(
        &ctx.t(lang, "map_description"),
        &[("regions", &names.join(&sep))],
    );
    if !places.is_empty() {
        description.push_str(&super::strings::fill(
            &ctx.t(lang, "map_description_places"),
            &[("places", &places.join(&sep))],
        ));
    }
    let description_id = "map-description".to_string();
    let label = ctx.t(lang, "map_label");
    let input = MapInput {
        regions: &regions,
        marks: &marks,
        label: &label,
        described_by: &description_id,
        lang: lang.code(),
    };
    Some(MapView {
        svg: draw(&input, Layout::Wide),
        svg_narrow: draw(&input, Layout::Narrow),
        title: ctx.t(lang, "map_title"),
        description,
        description_id,
        regions: list,
    })
}
