//! The Markdown stage's errors and warnings in Japanese, next to the English the other tests pin.

use super::*;
use crate::diag::MessageLanguage::Japanese;

/// Message and hint of each error of `r`, in Japanese.
fn ja(diagnostics: &[Diagnostic]) -> Vec<(String, Option<String>)> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d.message_in(Japanese).to_string(),
                d.help_in(Japanese).map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn refused_and_broken_links_in_japanese() {
    let r = md("[x](javascript:alert(1)) [y](/nowhere/) [z](//evil.example/)\n");
    let said = ja(&r.errors);
    assert_eq!(said.len(), 3, "{said:?}");
    assert_eq!(
        said[0].0,
        "`javascript:` で始まるリンクは使えません：`javascript:alert(1)`"
    );
    assert_eq!(
        said[0].1.as_deref(),
        Some(
            "リンクは https://、http://、mailto:、tel: のどれかで始めるか、レポートのページ（/cases/kobe/ など）を指してください"
        )
    );
    assert_eq!(
        said[1],
        (
            "リンク `/nowhere/` は切れています。そのページはありません".to_string(),
            None
        )
    );
    assert_eq!(
        said[2].0,
        "`//` で始まるリンクは使えません。https:// から省略せずに書いてください：`//evil.example/`"
    );
}

#[test]
fn raw_html_and_references_in_japanese() {
    let r =
        md("<script>alert(1)</script>\n\n図は @fig:missing にある。\n\n## @kf:companies の推移\n");
    let said = ja(&r.errors);
    // The opening and the closing tag are each refused.
    assert_eq!(said.len(), 4, "{said:?}");
    assert_eq!(
        said[1].0,
        "HTML をそのまま書くことはできません：`</script>`"
    );
    assert_eq!(said[0].0, "HTML をそのまま書くことはできません：`<script>`");
    assert!(
        said[0].1.as_deref().is_some_and(
            |h| h.starts_with("代わりに Markdown で書いてください。") && h.ends_with("<kbd>")
        ),
        "{said:?}"
    );
    assert_eq!(
        said[2],
        (
            "図の参照 @fig:missing に当たる図がありません".to_string(),
            Some(
                "このレポートのいずれかの data.yaml で定義した図の id を書いてください".to_string()
            )
        )
    );
    assert_eq!(
        said[3].0,
        "見出しの中の `@kf:companies` は参照として書き換えられません。読者には書いたとおりに見えます"
    );
}

#[test]
fn table_and_chart_blocks_in_japanese() {
    let r =
        md("```table\nt1\n```\n\n```table\nt1\n```\n\n```table\nnope\n```\n\n```chart\na b\n```\n");
    let said = ja(&r.errors);
    assert_eq!(
        said,
        vec![
            (
                "表 `t1` がこのページに二度置かれています".to_string(),
                Some("表は一度だけ置き、ほかの場所からは @tbl:<id> で参照してください".to_string())
            ),
            (
                "このページの data.yaml に表 `nope` がありません".to_string(),
                Some(
                    "このファイルと同じフォルダーにある data.yaml の `tables:` に表を定義するか、id を直してください"
                        .to_string()
                )
            ),
            (
                "```chart のブロックには、図の id を一つだけ書いてください".to_string(),
                Some("```chart の行、図の id だけの行、``` の行の順に書いてください".to_string())
            ),
        ]
    );
}

#[test]
fn footnotes_and_images_in_japanese() {
    let r = md("本文[^a]と[^b]。\n\n![](photo.jpg)\n\n[^a]: 注\n[^c]: 使われない注\n");
    let said = ja(&r.warnings);
    assert!(
        said.contains(&(
            "脚注 `[^b]` に定義がないため、そのまま文字として表示されます".to_string(),
            Some("段落の下に `[^b]: …` の行を加えるか、参照を削除してください".to_string())
        )),
        "{said:?}"
    );
    assert!(
        said.contains(&(
            "脚注 `[^c]` は定義されていますが、本文のどこからも参照されていません".to_string(),
            Some("本文に [^c] と書いて参照するか、脚注を削除してください".to_string())
        )),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|(m, _)| m == "画像 `photo.jpg` に代替テキストがありません"),
        "{said:?}"
    );
}
