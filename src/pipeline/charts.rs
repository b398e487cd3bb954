//! Every chart drawn as SVG, in both languages, for the pipeline (and again for the pages an edit changed).

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::chart;
use crate::model::lang::Lang;
use crate::model::site::Site;
use crate::render::{ChartSvg, Svgs};

/// The charts of the pages in `only` (every page when `None`) in both languages, drawn in parallel.
pub(super) fn draw_charts(
    site: &Site,
    style: &chart::ChartStyle,
    only: Option<&BTreeSet<String>>,
) -> Svgs {
    let jobs: Vec<(&crate::model::chart::Chart, Lang)> = site
        .pages
        .iter()
        .filter(|p| only.is_none_or(|ids| ids.contains(&p.id)))
        .flat_map(|p| p.data.charts.iter())
        .flat_map(|c| Lang::ALL.into_iter().map(move |l| (c, l)))
        .collect();
    jobs.par_iter()
        .map(|(c, l)| {
            let svg = ChartSvg {
                wide: chart::render_svg(c, *l, style),
                narrow: chart::render_svg_narrow(c, *l, style),
            };
            ((c.id.clone(), *l), svg.into())
        })
        .collect()
}
