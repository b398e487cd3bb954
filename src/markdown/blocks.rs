//! Code blocks: written out as escaped `<pre><code>`, except ```` ```chart ```` and ```` ```table ````
//! blocks, which place a chart or a numbered table of the page's `data.yaml` (each way's own, from its
//! resolver).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, TagEnd};

use super::state::CodeBlock;
use super::transform::Renderer;
use crate::diag::Code;
use crate::format::escape::escape_html;

impl<'a> Renderer<'a, '_> {
    pub(super) fn start_code_block(&mut self, kind: CodeBlockKind<'a>, range: Range<usize>) {
        let info = match kind {
            CodeBlockKind::Fenced(info) => info.to_string(),
            CodeBlockKind::Indented => String::new(),
        };
        self.code = Some(CodeBlock {
            info,
            range,
            body: String::new(),
        });
    }

    /// An event inside a code block: its text is gathered, and the block written at its end.
    pub(super) fn in_code_block(&mut self, event: Event<'a>) {
        match event {
            Event::Text(t) => {
                if let Some(code) = self.code.as_mut() {
                    code.body.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(code) = self.code.take() {
                    self.code_block(code);
                }
            }
            _ => {}
        }
    }

    fn code_block(&mut self, code: CodeBlock) {
        let CodeBlock { info, range, body } = code;
        let mut words = info.split_whitespace();
        let first = words.next();
        if first != Some("chart") && first != Some("table") {
            let lang = info.split_whitespace().next().unwrap_or("");
            let class = if lang.is_empty() {
                String::new()
            } else {
                format!(" class=\"language-{}\"", escape_html(lang))
            };
            self.plain.push(&body);
            self.out.same(Event::Html(
                format!("<pre><code{class}>{}</code></pre>\n", escape_html(&body)).into(),
            ));
            return;
        }
        let id = words
            .next()
            .map(str::to_string)
            .unwrap_or_else(|| body.trim().to_string());
        if first == Some("table") {
            self.table(id, range.start);
        } else {
            self.chart(id, range.start);
        }
    }

    /// Places the numbered table `id` (a table block at `offset`).
    fn table(&mut self, id: String, offset: usize) {
        if id.is_empty() || id.contains(char::is_whitespace) {
            self.error(
                Code::TablePlacement,
                offset,
                (
                    "a table block must hold exactly one table id".into(),
                    "```table のブロックには、表の id を一つだけ書いてください".into(),
                ),
                Some((
                    "write ```table, then the table's id on its own line, then ```",
                    "```table の行、表の id だけの行、``` の行の順に書いてください",
                )),
            );
            return;
        }
        if self.found.tables.contains(&id) {
            self.error(
                Code::TablePlacement,
                offset,
                (
                    format!("the table `{id}` is placed twice on this page"),
                    format!("表 `{id}` がこのページに二度置かれています"),
                ),
                Some((
                    "place each table once; refer to it elsewhere with @tbl:<id>",
                    "表は一度だけ置き、ほかの場所からは @tbl:<id> で参照してください",
                )),
            );
            return;
        }
        match self.out.page().resolve.table(&id) {
            Some(html) => {
                self.out.both(Event::Html(html.into()), |way| {
                    Event::Html(way.resolve.table(&id).unwrap_or_default().into())
                });
                self.found.tables.push(id);
            }
            None => {
                let near = self.near(&id, true);
                self.error(
                    Code::TablePlacement,
                    offset,
                    (
                        format!("there is no table `{id}` in this page's data.yaml{}", near.0),
                        format!("このページの data.yaml に表 `{id}` がありません{}", near.1),
                    ),
                    Some((
                        "define it under `tables:` in the data.yaml next to this file, or correct the id",
                        "このファイルと同じフォルダーにある data.yaml の `tables:` に表を定義するか、id を直してください",
                    )),
                )
            }
        }
    }

    /// `; did you mean `x`?` (and its Japanese) for an id that looks like a typo of one this page defines.
    fn near(&mut self, id: &str, tables: bool) -> (String, String) {
        let defined = self.out.page().resolve.defined(tables);
        match crate::diag::did_you_mean(id, defined.iter().map(String::as_str)) {
            Some(best) => (
                format!("; did you mean `{best}`?"),
                format!("。`{best}` のことですか？"),
            ),
            None => (String::new(), String::new()),
        }
    }

    /// Places the chart `id` (a chart block at `offset`).
    fn chart(&mut self, id: String, offset: usize) {
        if id.is_empty() || id.contains(char::is_whitespace) {
            self.error(
                Code::ChartPlacement,
                offset,
                (
                    "a chart block must hold exactly one chart id".into(),
                    "```chart のブロックには、図の id を一つだけ書いてください".into(),
                ),
                Some((
                    "write ```chart, then the chart's id on its own line, then ```",
                    "```chart の行、図の id だけの行、``` の行の順に書いてください",
                )),
            );
            return;
        }
        if self.found.charts.contains(&id) {
            self.error(
                Code::ChartPlacement,
                offset,
                (
                    format!("the chart `{id}` is placed twice on this page"),
                    format!("図 `{id}` がこのページに二度置かれています"),
                ),
                Some((
                    "place each chart once; refer to it elsewhere with @fig:<id>",
                    "図は一度だけ置き、ほかの場所からは @fig:<id> で参照してください",
                )),
            );
            return;
        }
        match self.out.page().resolve.chart(&id) {
            Some(figure) => {
                self.out.both(Event::Html(figure.into()), |way| {
                    Event::Html(way.resolve.chart(&id).unwrap_or_default().into())
                });
                self.found.charts.push(id);
            }
            None => {
                let near = self.near(&id, false);
                self.error(
                    Code::ChartPlacement,
                    offset,
                    (
                        format!("there is no chart `{id}` in this page's data.yaml{}", near.0),
                        format!("このページの data.yaml に図 `{id}` がありません{}", near.1),
                    ),
                    Some((
                        "define it under `charts:` in the data.yaml next to this file, or correct the id",
                        "このファイルと同じフォルダーにある data.yaml の `charts:` に図を定義するか、id を直してください",
                    )),
                )
            }
        }
    }
}
