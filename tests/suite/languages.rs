//! Messages in the editor's language: chosen by `--lang`, `HAKUSHO_LANG` or the locale, with the same
//! positions and codes in both; exact Japanese texts for a representative set of mistakes.

use crate::harness::SiteTest;

/// A site with a new case (four TODO placeholders in each text, two in data.yaml).
fn with_new_case() -> SiteTest {
    let site = SiteTest::fixture("minimal");
    assert_eq!(site.run(&["new", "case", "sendai"]).code, 0);
    site
}

const CHECK_JA: &str = "content/cases/sendai/data.yaml\n   1. 4:33: 警告: このファイルには TODO の仮の記述が 2 件残っています（4、10 行目）\n      ヒント: 公開する前に、それぞれを本当の文や値に置き換え、TODO を消してください\n\
content/cases/sendai/index.en.md\n   2. 2:8: 警告: このファイルには TODO の仮の記述が 4 件残っています（2、3、4、9 行目）\n      ヒント: 公開する前に、それぞれを本当の文や値に置き換え、TODO を消してください\n\
content/cases/sendai/index.ja.md\n   3. 2:8: 警告: このファイルには TODO の仮の記述が 4 件残っています（2、3、4、8 行目）\n      ヒント: 公開する前に、それぞれを本当の文や値に置き換え、TODO を消してください\n\n\
問題 3 件（エラー 0 件、警告 3 件）、3 ファイル\n";

#[test]
fn the_locale_chooses_and_lang_or_hakusho_lang_override_it() {
    let site = with_new_case();
    let ja = site.run_with_env(&["check"], &[("LANG", "ja_JP.UTF-8")]);
    assert_eq!((ja.code, ja.stdout.as_str()), (1, CHECK_JA));
    let en = site.run_with_env(&["check"], &[("LANG", "en_GB.UTF-8")]);
    assert!(
        en.stdout
            .ends_with("\n3 problems (0 errors, 3 warnings) in 3 files\n"),
        "{}",
        en.stdout
    );
    // LC_ALL wins over LANG; HAKUSHO_LANG over the locale; --lang over everything.
    let c = site.run_with_env(&["check"], &[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")]);
    assert!(c.stdout.contains("warning:"), "{}", c.stdout);
    let forced = site.run_with_env(&["check"], &[("HAKUSHO_LANG", "ja"), ("LANG", "C")]);
    assert_eq!(forced.stdout, CHECK_JA);
    let flag = site.run_with_env(&["check", "--lang", "en"], &[("HAKUSHO_LANG", "ja")]);
    assert!(
        flag.stdout
            .contains("warning: 2 TODO placeholders are left in this file (lines 4, 10)")
    );
    let flag = site.run_with_env(&["--lang", "ja", "check"], &[]);
    assert_eq!(flag.stdout, CHECK_JA);
}

#[test]
fn json_carries_the_chosen_language_with_the_same_codes_and_positions() {
    let site = with_new_case();
    let parse = |lang: &str| -> serde_json::Value {
        let run = site.run(&["check", "--format", "json", "--lang", lang]);
        serde_json::from_str(&run.stdout).unwrap()
    };
    let (ja, en) = (parse("ja"), parse("en"));
    for i in 0..3 {
        for key in ["code", "file", "line", "column", "severity"] {
            assert_eq!(ja["problems"][i][key], en["problems"][i][key], "{key}");
        }
    }
    assert_eq!(
        ja["problems"][0]["message"],
        "このファイルには TODO の仮の記述が 2 件残っています（4、10 行目）"
    );
    assert_eq!(
        en["problems"][0]["message"],
        "2 TODO placeholders are left in this file (lines 4, 10)"
    );
}

#[test]
fn a_failed_build_speaks_japanese_from_the_error_to_the_summary() {
    let site = SiteTest::fixture("minimal");
    let data = site.read("content/cases/alpha/data.yaml");
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace("value: 362", "value: 362\u{3000}"),
    );
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "content/cases/alpha/data.yaml:10:15: エラー: `key_figures[0].value`: 値の `362` の後に全角スペース（U+3000）があります（画面では見えません）\n  ヒント: `362` の後の全角スペースを消して、`362` と書いてください\n\
ビルドに失敗しました（エラー 1 件）。output は変更していません\n"
    );
    site.write("content/cases/alpha/data.yaml", data);
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("ja 4 ページ・en 4 ページ、図 2 点、PDF "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.trim_end().ends_with("→ output"),
        "{}",
        run.stdout
    );
}

#[test]
fn scaffolds_answer_in_japanese() {
    let site = SiteTest::fixture("minimal");
    let run = site.run(&["new", "chapter", "two", "--lang", "ja"]);
    assert_eq!(
        run.stdout,
        "作成しました：content/chapters/two/index.ja.md\n作成しました：content/chapters/two/index.en.md\n\
content/site.yaml の `chapters:` に `two` を加えました（全 2 章の第 2 章）\n\
次に：両方のファイルに章を書き、この章の事例の data.yaml に `chapter: two` と書いてから `hakusho check` を実行してください\n"
    );
    let run = site.run(&["new", "case", "sendai", "--chapter", "onee", "--lang", "ja"]);
    assert_eq!(
        run.stderr,
        "エラー: `onee` はこの報告書の章ではありません\n  ヒント: `one` のことですか？ site.yaml の章は one, two です\n"
    );
    let run = site.run(&["new", "page", "search", "--lang", "ja"]);
    assert_eq!(
        run.stderr,
        "エラー: `search` は hakusho が自分で作るアドレスです（/ja/search/）\n  ヒント: 別のフォルダー名にしてください\n"
    );
}

#[test]
fn translation_warnings_and_an_error_of_the_pdf_edition() {
    let site = SiteTest::fixture("minimal");
    site.remove("content/about/index.en.md");
    let run = site.run(&["check", "--lang", "ja"]);
    assert_eq!(
        run.stdout,
        "content/about/index.en.md\n   1. 警告: 未翻訳：このページには英語版がありません。そこには日本語の本文をお知らせ付きで表示します\n\n問題 1 件（エラー 0 件、警告 1 件）、1 ファイル\n"
    );
    // An error of the PDF edition, in the Japanese report.
    let site = SiteTest::fixture("minimal");
    let ja = site.read("content/about/index.ja.md");
    site.write("content/about/index.ja.md", ja + "\n![](photo.png)\n");
    site.write("content/about/photo.png", b"\x89PNG\r\n");
    let run = site.run(&["check", "--lang", "ja"]);
    assert!(
        run.stdout
            .contains(": エラー: 画像 `photo.png` に代替テキスト（画像の説明）がありません"),
        "{}",
        run.stdout
    );
}

#[test]
fn yaml_mistakes_in_japanese() {
    for (from, to, stderr) in [
        (
            "chapter: one",
            "chaptr: one",
            "content/cases/alpha/data.yaml:1:1: エラー: キー `chaptr` はここでは使えません\n  ヒント: `chapter` のことですか？\n",
        ),
        (
            "value: 362",
            "value: \"1,200\"",
            "content/cases/alpha/data.yaml:10:12: エラー: `key_figures[0].value`: 型が違います：文字列 \"1,200\" が書かれていますが、数が必要です\n  ヒント: 数は、桁区切りのコンマや単位、全角数字を付けずに 12400 のように書いてください\n",
        ),
        (
            "kind: bar",
            "kind: pie",
            "content/cases/alpha/data.yaml:19:11: エラー: `charts[0].kind`: 値 `pie` はここでは使えません\n  ヒント: 使える値は `bar`、`hbar`、`stacked`、`share`、`line`、`combo`、`donut` です\n",
        ),
        (
            "chapter: one",
            "chapter:one",
            "content/cases/alpha/data.yaml:1:9: エラー: `chapter:one` のコロンの後に半角スペースが必要です\n  ヒント: スペースがないと、YAML はこの行を `chapter` とその値ではなく一つの文として読みます。`chapter: one` と書いてください\n",
        ),
        (
            "location: {ja: 兵庫県神戸市, en: \"Kobe, Hyogo\"}",
            "location: {ja: 神戸: 医療, en: Kobe}",
            "content/cases/alpha/data.yaml:5:18: エラー: { … } が閉じていないか、項目の間のコンマが抜けています（5 行目から始まる { … } のかっこの中）（読み取りの説明：did not find expected ',' or '}'）\n  ヒント: {ja: …, en: …} の中では、語の後の `:` が新しいキーの始まりと読まれます。コロンを含む文は引用符で囲んでください。例：ja: \"神戸: 医療産業都市\"\n",
        ),
    ] {
        let site = SiteTest::fixture("minimal");
        let data = site.read("content/cases/alpha/data.yaml");
        assert!(data.contains(from), "{from}");
        site.write("content/cases/alpha/data.yaml", data.replacen(from, to, 1));
        let run = site.run(&["build", "--lang", "ja"]);
        assert_eq!(
            run.stderr,
            format!("{stderr}ビルドに失敗しました（エラー 1 件）。output は変更していません\n"),
            "{to}"
        );
    }
}

#[test]
fn file_names_and_front_matter_in_japanese() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/cases/Sendai/index.ja.md",
        "---\ntitle: 仙台\nsummary: 要約。\n---\n本文。\n",
    );
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(
        run.stderr,
        "content/cases/Sendai: エラー: フォルダー名 `Sendai` はアドレスに使えません：アドレスが大文字・小文字で変わらないよう、大文字は使えません。`sendai` としてください\n\
content/cases/Sendai/data.yaml: エラー: 事例には、事実を書いた data.yaml が必要です\n  ヒント: 少なくとも `chapter:` と `sources:` を書いて作るか（README の「Cases: data.yaml」）、`hakusho new case <slug>` を実行してください\n\
ビルドに失敗しました（エラー 2 件）。output は変更していません\n"
    );
    let site = SiteTest::fixture("minimal");
    site.write("content/about/index.ja.md", "本文だけ。\n");
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(
        run.stderr,
        "content/about/index.ja.md:1:1: エラー: ファイルにフロントマター（--- の行に挟まれた題名などの部分）がありません\n  ヒント: ファイルの最初に `---` の行、`title: …`、`---` の行を書き、その後に本文を書いてください\n\
ビルドに失敗しました（エラー 1 件）。output は変更していません\n"
    );
}

#[test]
fn facts_without_their_source_in_japanese() {
    let site = SiteTest::fixture("minimal");
    let data = site.read("content/cases/alpha/data.yaml");
    site.write(
        "content/cases/alpha/data.yaml",
        data.replacen(
            "    unit: {ja: 社, en: companies}\n    source: doc1",
            "    unit: {ja: 社, en: companies}\n    source: doc2",
            1,
        )
        .replacen(
            "    text: {ja: 構想に着手, en: The project begins}\n    source: doc1\n",
            "    text: {ja: 構想に着手, en: The project begins}\n",
            1,
        ),
    );
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(
        run.stderr,
        "content/cases/alpha/data.yaml:12:13: エラー: 主要数値 `count` が挙げる `doc2` は、このページの `sources` にありません\n  ヒント: `doc1` のことですか？\n\
content/cases/alpha/data.yaml:14:5: エラー: 年表の 1 番目の項目に `source`（出典）がありません\n  ヒント: 事実にはすべて出典を示します。このページの `sources` にある id で `source: <id>` を加えてください\n\
ビルドに失敗しました（エラー 2 件）。output は変更していません\n"
    );
}

#[test]
fn help_and_usage_errors_in_japanese() {
    let site = SiteTest::fixture("minimal");
    let run = site.run_with_env(&["build", "--help"], &[("LANG", "ja_JP.UTF-8")]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("使い方: hakusho build [OPTIONS]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("--output <DIR>    サイトを書き出すフォルダー（既定：output）"),
        "{}",
        run.stdout
    );
    let run = site.run_with_env(&["--lang", "ja", "biuld"], &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "エラー: `biuld` というコマンドはありません\n  ヒント: 使い方は `hakusho --help`（コマンドごとには `hakusho <コマンド> --help`）で見られます\n"
    );
    // In English, clap's own words as before.
    let run = site.run_with_env(&["--lang", "en", "build", "--help"], &[]);
    assert!(
        run.stdout.contains("Usage: hakusho build [OPTIONS]"),
        "{}",
        run.stdout
    );
}
