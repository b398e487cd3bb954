//! The translation workbench of `hakusho serve` at `/_hakusho/`: statuses per language, findings with links,
//! both languages side by side, what changed in a source since its translation (from git), the files named
//! by findings, and nothing of it in a build.

use std::process::{Command, Stdio};

use crate::harness::SiteTest;
use crate::serve::{eventually, get, start, start_in};

fn git(site: &SiteTest, args: &[&str]) {
    let ok = Command::new("git")
        .args(args)
        .current_dir(&site.dir)
        .env("GIT_AUTHOR_NAME", "Editor")
        .env("GIT_AUTHOR_EMAIL", "editor@example.org")
        .env("GIT_COMMITTER_NAME", "Editor")
        .env("GIT_COMMITTER_EMAIL", "editor@example.org")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn shows_statuses_findings_and_what_changed_in_a_source_since_its_translation() {
    let site = SiteTest::fixture("minimal");
    // The English About follows the Japanese as committed; then the Japanese changes.
    site.run(&["translated", "about"]);
    assert!(
        site.read("content/about/index.en.md")
            .contains("translated_from: ja@")
    );
    git(&site, &["init", "-q"]);
    git(&site, &["add", "content"]);
    git(&site, &["commit", "-q", "-m", "About translated"]);
    site.write(
        "content/about/index.ja.md",
        "---\ntitle: 本報告書について\n---\n本報告書は試験用である。[表紙](/)へ戻る。\n\n新しい段落を加えた。\n",
    );
    site.remove("content/cases/alpha/index.en.md");
    let server = start_in(&site, "ja");
    let port = server.port;

    let (status, _, page) = get(port, "/_hakusho/");
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"ja\">"), "{page}");
    assert!(page.contains("翻訳ワークベンチ"));
    // About: the Japanese is the source, the English is outdated and links to what changed.
    assert!(
        page.contains("<span class=\"badge source\">原文</span>"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"badge outdated\">古い（"),
        "{page}"
    );
    assert!(
        page.contains("href=\"/_hakusho/changes/en/about/\""),
        "{page}"
    );
    // alpha has no English: untranslated; readers get the Japanese.
    assert!(
        page.contains("<span class=\"badge untranslated\">未翻訳</span>"),
        "{page}"
    );
    assert!(page.contains("href=\"/_hakusho/side/cases/alpha/\""));
    // The outdated translation is a finding of check, with its file and line.
    assert!(page.contains("翻訳が古くなっています"), "{page}");
    assert!(
        page.contains("href=\"/_hakusho/file/content/about/index.en.md#L"),
        "{page}"
    );
    assert!(
        page.contains("href=\"/en/about/\">（ページ）</a>"),
        "{page}"
    );

    let (status, _, changes) = get(port, "/_hakusho/changes/en/about/");
    assert_eq!(status, 200);
    assert!(changes.contains("git の履歴から見つけました"), "{changes}");
    assert!(changes.contains("「About translated」"), "{changes}");
    assert!(
        changes.contains("<ins>+ 新しい段落を加えた。</ins>"),
        "{changes}"
    );
    assert!(!changes.contains("<del>"), "{changes}");

    let (status, _, side) = get(port, "/_hakusho/side/about/");
    assert_eq!(status, 200);
    assert!(
        side.contains("<iframe id=\"ja\" src=\"/ja/about/\""),
        "{side}"
    );
    assert!(
        side.contains("<iframe id=\"en\" src=\"/en/about/\""),
        "{side}"
    );

    let (status, _, file) = get(port, "/_hakusho/file/content/about/index.en.md");
    assert_eq!(status, 200);
    assert!(
        file.contains("<span id=\"L2\"><a href=\"#L2\">2</a>title: About this report</span>"),
        "{file}"
    );
    // Only files of content/ and themes/ are shown.
    for outside in [
        "/_hakusho/file/Cargo.toml",
        "/_hakusho/file/content/../../etc/passwd",
        "/_hakusho/file/content/%2e%2e/%2e%2e/etc/passwd",
        "/_hakusho/nothing/",
        "/_hakusho/side/no-such-page/",
    ] {
        let (status, _, _) = get(port, outside);
        assert!(status == 404 || status == 400, "{outside}: {status}");
    }

    // It follows saves: the translation brought up to date is current.
    site.run(&["translated", "about"]);
    let page = eventually(
        port,
        "/_hakusho/",
        "<span class=\"badge current\">最新</span>",
    );
    assert!(!page.contains("翻訳が古くなっています"));

    // A failed build shows its errors first, in the editor's language, and the overlay points here.
    site.write("content/about/index.ja.md", "---\ntitle: [\n---\n");
    let page = eventually(port, "/_hakusho/", "class=\"failed\"");
    assert!(page.contains("最後のビルドは失敗しました"), "{page}");
    let (_, _, about) = get(port, "/ja/");
    assert!(
        about.contains("hakusho：最後のビルドに失敗しました"),
        "{about}"
    );
    assert!(about.contains("href=\"/_hakusho/\""));
}

#[test]
fn without_git_the_changes_page_says_so_and_build_never_writes_the_workbench() {
    let site = SiteTest::fixture("minimal");
    site.run(&["translated", "about"]);
    site.write(
        "content/about/index.ja.md",
        "---\ntitle: 本報告書について\n---\n変えた。\n",
    );
    let server = start(&site);
    let (status, _, changes) = get(server.port, "/_hakusho/changes/en/about/");
    assert_eq!(status, 200);
    assert!(
        changes.contains("The project is not in a git repository"),
        "{changes}"
    );
    let (status, head, _) = get(server.port, "/_hakusho");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /_hakusho/"), "{head}");
    drop(server);

    site.build_ok(&[]);
    assert!(!site.has_output("_hakusho"));
    assert!(site.tree("output").keys().all(|p| !p.contains("_hakusho")));
}
