//! The glossary page: 五十音 order by `reading` on Japanese pages (terms in Latin letters first), English
//! pages by the English term ignoring case, folded Japanese definitions without stray spaces, and no
//! expansion that only repeats its term.

use crate::harness::SiteTest;

const GLOSSARY: &str = "\
- id: riken
  term: {ja: 理化学研究所, en: RIKEN}
  reading: りかがくけんきゅうしょ
  expansion: {ja: 理化学研究所, en: Institute of Physical and Chemical Research}
  definition:
    ja: >-
      研究機関。
      神戸で研究を進める。
    en: A research institute.
- id: kosen
  term: {ja: 高専, en: KOSEN}
  reading: こうせん
  expansion: {ja: 高等専門学校, en: KOSEN}
  definition: {ja: 高等教育機関。, en: Colleges of technology.}
- id: coi
  term: COI
  expansion: {ja: センター・オブ・イノベーション, en: Center of Innovation}
  definition: {ja: 産学連携の拠点を支援するプログラム。, en: A programme supporting industry–academia hubs.}
- id: lab
  term: {ja: リサーチコンプレックス, en: research complex}
  definition: {ja: 研究の複合拠点。, en: A research hub.}
";

fn terms(html: &str) -> Vec<String> {
    html.split("<dt>")
        .skip(1)
        .map(|s| s[..s.find(['<', ' ']).unwrap()].to_string())
        .collect()
}

#[test]
fn glossary_is_sorted_joined_and_without_repeated_expansions() {
    let site = SiteTest::fixture("minimal");
    site.write("content/glossary.yaml", GLOSSARY);
    site.build_ok(&["--no-pdf"]);
    let ja = site.output("ja/glossary/index.html");
    assert_eq!(
        terms(&ja),
        ["COI", "高専", "理化学研究所", "リサーチコンプレックス"]
    );
    assert!(ja.contains("<dt>理化学研究所</dt>\n      <dd>研究機関。神戸で研究を進める。</dd>"));
    let en = site.output("en/glossary/index.html");
    assert_eq!(terms(&en), ["COI", "KOSEN", "research", "RIKEN"]);
    assert!(en.contains("<dt>KOSEN</dt>"));
    assert!(en.contains(
        "<dt>RIKEN <span class=\"glossary-expansion\">Institute of Physical and Chemical Research</span></dt>"
    ));
}

#[test]
fn a_reading_in_kanji_is_refused() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/glossary.yaml",
        GLOSSARY.replace("reading: こうせん", "reading: 高専"),
    );
    let err = site.build_err();
    assert!(
        err.contains(
            "content/glossary.yaml:12:12: error: the reading `高専` is not written in kana\n  \
             help: write how the Japanese term is read, in kana, e.g. `reading: こうせん`"
        ),
        "{err}"
    );
    let ja = site.run_with_env(&["build"], &[("HAKUSHO_LANG", "ja")]);
    assert!(
        ja.stderr.contains(
            "content/glossary.yaml:12:12: エラー: 読み `高専` がかなで書かれていません\n  \
             ヒント: 日本語の用語の読みをかなで書いてください。例：`reading: こうせん`"
        ),
        "{}",
        ja.stderr
    );
}
