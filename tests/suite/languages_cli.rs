//! What the command itself says in Japanese (`HAKUSHO_LANG=ja`), where no hostile case looks: refused
//! output folders, `--force`, `--base-url`, `--deny-warnings`, `hakusho translated` and `hakusho new`.

use crate::harness::SiteTest;

const JA: &[(&str, &str)] = &[("HAKUSHO_LANG", "ja")];

#[test]
fn a_refused_output_folder_is_explained_in_japanese() {
    let site = SiteTest::fixture("minimal");
    for (dest, why) in [
        (".", "プロジェクトのフォルダーです"),
        ("content", "content/ の中です"),
        ("..", "プロジェクトを含むフォルダーです"),
    ] {
        let run = site.run_with_env(&["build", "--output", dest], JA);
        assert_eq!(run.code, 1, "{dest}");
        assert_eq!(
            run.stderr,
            format!(
                "エラー: {dest} は出力フォルダーに使えません：{why}\n  ヒント: 出力専用のフォルダーを指定してください（例：--output output）\nビルドに失敗しました（エラー 1 件）。{dest} は変更していません\n"
            ),
        );
    }
}

#[test]
fn a_folder_hakusho_did_not_make_needs_force_in_japanese_too() {
    let site = SiteTest::fixture("minimal");
    site.write("public/keep.txt", "mine");
    let run = site.run_with_env(&["build", "--output", "public"], JA);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "エラー: public は空ではなく、hakusho が作ったフォルダーでもないため、置き換えません\n  ヒント: 別の --output を指定するか、フォルダーを空にするか、置き換えてよければ --force を付けてください\nビルドに失敗しました（エラー 1 件）。public は変更していません\n"
    );
    assert!(site.dir.join("public/keep.txt").exists());
}

#[test]
fn a_bad_base_url_is_explained_in_japanese() {
    let site = SiteTest::fixture("minimal");
    let run = site.run_with_env(&["build", "--base-url", "ftp://example.org/"], JA);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "エラー: --base-url：`ftp://example.org/` は https:// か http:// で始めてください\nビルドに失敗しました（エラー 1 件）。output は変更していません\n"
    );
}

#[test]
fn denied_warnings_are_said_in_japanese() {
    let site = SiteTest::fixture("minimal");
    site.remove("content/about/index.en.md");
    let run = site.run_with_env(&["build", "--deny-warnings"], JA);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .ends_with("エラー: --deny-warnings：ビルドに警告があります\nビルドに失敗しました（エラー 1 件）。output は変更していません\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn translated_reports_in_japanese() {
    let site = SiteTest::fixture("minimal");
    let run = site.run_with_env(&["translated", "cases/alpha"], JA);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("content/cases/alpha/index.en.md：`translated_from: ja@"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("` を加えました\n"), "{}", run.stdout);
    let run = site.run_with_env(&["translated", "cases/alpha"], JA);
    assert!(run.stdout.ends_with("` です\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("content/cases/alpha/index.en.md：すでに `translated_from: ja@"),
        "{}",
        run.stdout
    );
    let run = site.run_with_env(&["translated", "nope"], JA);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "エラー: content/nope にページのファイルがありません\n  ヒント: content/ の下にあるページのフォルダー（例：`hakusho translated cases/kobe`）か、翻訳のファイルを指定してください\n"
    );
    site.remove("content/about/index.en.md");
    let run = site.run_with_env(&["translated", "about"], JA);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "エラー: content/about には ja のファイルしかないため、翻訳元がありません\n  ヒント: 先に、もう一方の言語の index ファイルを書いてください\n"
    );
}

#[test]
fn a_new_case_that_exists_is_refused_in_japanese() {
    let site = SiteTest::fixture("minimal");
    let run = site.run_with_env(&["new", "case", "alpha"], JA);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "エラー: content/cases/alpha はすでにあります\n  ヒント: 別の名前にするか、すでにある事例を編集してください\n"
    );
}
