//! Nothing lost, nothing leaked: failed builds keep the old output, dangerous destinations are refused,
//! content is escaped, symlinks out of content are not followed.

use crate::harness::SiteTest;

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let before = site.tree("output");
    site.write("content/about/index.ja.md", "---\ntitel: x\n---\n");
    site.build_err();
    assert_eq!(before, site.tree("output"));
    let leftovers: Vec<String> = std::fs::read_dir(&site.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("hakusho-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn dangerous_destinations_are_refused() {
    let site = SiteTest::fixture("minimal");
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    for (dest, why) in [
        ("/", "it is the root of the file system"),
        (".", "it is the project folder"),
        ("content", "it is inside content/"),
        ("content/cases", "it is inside content/"),
        ("themes", "it is inside themes/"),
        ("..", "it contains the project"),
        (home.as_str(), "it is your home folder"),
    ] {
        let run = site.run(&["build", "--output", dest]);
        assert_eq!(run.code, 1, "{dest}");
        assert_eq!(
            run.stderr,
            format!(
                "error: refusing to use {dest} as the output folder: {why}\n  help: choose a dedicated folder, e.g. --output output\nbuild failed: 1 error; {dest} was left unchanged\n"
            ),
        );
    }
    site.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    let run = site.run(&["build", "--output", "repo"]);
    assert!(
        run.stderr.starts_with(
            "error: refusing to use repo as the output folder: it holds a .git folder"
        ),
        "{}",
        run.stderr
    );
    assert!(site.dir.join("repo/.git/HEAD").exists());
}

#[test]
fn a_folder_hakusho_did_not_make_needs_force() {
    let site = SiteTest::fixture("minimal");
    site.write("public/keep.txt", "mine");
    let run = site.run(&["build", "--output", "public"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: refusing to replace public: it is not empty and was not made by hakusho\n  help: choose another --output, empty the folder, or pass --force to replace it\nbuild failed: 1 error; public was left unchanged\n"
    );
    assert!(site.dir.join("public/keep.txt").exists());
    site.build_ok(&["--output", "public", "--force"]);
    assert!(!site.dir.join("public/keep.txt").exists());
    site.build_ok(&["--output", "public"]);
}

#[test]
fn hostile_titles_stay_inert_everywhere() {
    let site = SiteTest::fixture("minimal");
    let payload = "</title><script>alert(1)</script>\" onmouseover=\"alert(2)";
    site.write(
        "content/cases/alpha/index.ja.md",
        format!(
            "---\ntitle: '{}'\nsummary: '{}'\n---\n本文\n\n```chart\nalpha-growth\n```\n",
            payload.replace('\'', "''"),
            payload.replace('\'', "''")
        ),
    );
    let data = std::fs::read_to_string(site.dir.join("content/cases/alpha/data.yaml")).unwrap();
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace(
            "{ja: 企業数の推移, en: Companies over time}",
            "{ja: '<script>alert(3)</script>', en: x}",
        ),
    );
    site.build_ok(&[]);
    // The PDF editions hold the title as text (tests/suite/pdf.rs checks that it stays text there), and so do
    // the BibTeX and RIS citation files (plain text, escaped for their formats: tests/suite/citing.rs).
    for (path, bytes) in site
        .tree("output")
        .into_iter()
        .filter(|(p, _)| ![".pdf", ".bib", ".ris"].iter().any(|ext| p.ends_with(ext)))
    {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{path}");
        assert!(!text.contains("\" onmouseover=\""), "{path}");
    }
}

#[test]
fn symlinks_out_of_content_are_refused() {
    let site = SiteTest::fixture("minimal");
    site.write("secret.txt", "secret");
    std::os::unix::fs::symlink(
        site.dir.join("secret.txt"),
        site.dir.join("content/cases/alpha/leak.txt"),
    )
    .unwrap();
    let err = site.build_err();
    assert_eq!(
        err,
        "content/cases/alpha/leak.txt: error: this symlink points outside the content folder; hakusho does not read it\n  help: copy the file into content/ instead of linking to it\nbuild failed: 1 error; output was left unchanged\n"
    );
}

#[test]
fn unsafe_folder_names_are_refused() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/cases/Bad Name/index.ja.md",
        "---\ntitle: x\nsummary: y\n---\n",
    );
    let err = site.build_err();
    assert!(
        err.starts_with("content/cases/Bad Name: error: the folder name `Bad Name` cannot be used in an address: ` ` is not allowed; use letters, digits, `-` and `_`"),
        "{err}"
    );
}

/// An `--output` that exists and is not a folder is refused, named for what it is, and left as it was.
#[test]
fn an_output_that_is_not_a_folder_is_refused_for_what_it_is() {
    let site = SiteTest::fixture("minimal");
    site.write("plain", "mine");
    let made = std::process::Command::new("mkfifo")
        .arg(site.dir.join("pipe"))
        .status()
        .unwrap();
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(site.dir.join("sock")).unwrap();
    for (dest, what, what_ja) in [
        ("plain", "a file", "フォルダーではなくファイルです"),
        ("pipe", "a named pipe (FIFO)", "名前付きパイプ（FIFO）です"),
        ("sock", "a socket", "ソケットです"),
        ("/dev/null", "a device", "デバイスです"),
    ] {
        let run = site.run(&["build", "--output", dest, "--force"]);
        assert_eq!(run.code, 1, "{dest}");
        assert_eq!(
            run.stderr,
            format!(
                "error: refusing to use {dest} as the output folder: it is {what}\n  help: choose a dedicated folder, e.g. --output output\nbuild failed: 1 error; {dest} was left unchanged\n"
            ),
        );
        let ja = site.run_with_env(
            &["build", "--output", dest, "--force"],
            &[("HAKUSHO_LANG", "ja")],
        );
        assert!(
            ja.stderr.starts_with(&format!(
                "エラー: {dest} は出力フォルダーに使えません：{what_ja}\n"
            )),
            "{}",
            ja.stderr
        );
    }
    assert_eq!(site.read("plain"), "mine");
    use std::os::unix::fs::FileTypeExt;
    let pipe = std::fs::symlink_metadata(site.dir.join("pipe")).unwrap();
    assert!(pipe.file_type().is_fifo());
}

/// `--content` reached through a symlink names the same project: `--force` cannot make a build replace it,
/// nor an output folder that holds the real content folder.
#[test]
fn the_project_is_recognised_through_symlinks() {
    let site = SiteTest::fixture("minimal");
    let alias = std::env::temp_dir().join(format!(
        "hakusho-alias-{}-{}",
        std::process::id(),
        site.dir.file_name().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_file(&alias);
    std::os::unix::fs::symlink(&site.dir, &alias).unwrap();
    let content = alias.join("content");
    let content = content.to_str().unwrap();
    for (dest, why) in [
        (".", "it is the project folder"),
        ("themes", "it is inside themes/"),
        ("..", "it contains the project"),
    ] {
        let run = site.run(&["build", "--content", content, "--output", dest, "--force"]);
        assert_eq!(run.code, 1, "{dest}: {}", run.stderr);
        assert!(
            run.stderr.starts_with(&format!(
                "error: refusing to use {dest} as the output folder: {why}\n"
            )),
            "{}",
            run.stderr
        );
    }
    // Through the alias, the destination is the project too.
    let dest = alias.to_str().unwrap().to_string();
    let run = site.run(&["build", "--output", &dest, "--force"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(site.dir.join("content/site.yaml").exists());
    std::fs::remove_file(&alias).unwrap();

    // The content folder moved into a folder hakusho made, and linked back.
    site.build_ok(&["--output", "out"]);
    std::fs::rename(site.dir.join("content"), site.dir.join("out/kept")).unwrap();
    std::os::unix::fs::symlink(site.dir.join("out/kept"), site.dir.join("content")).unwrap();
    let run = site.run(&["build", "--output", "out"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: refusing to use out as the output folder: it contains content/\n"),
        "{}",
        run.stderr
    );
    assert!(site.dir.join("out/kept/site.yaml").exists());
}

/// `new` and `translated` never write through a symlink that leads out of content/: not a folder on the way
/// to a new page, not site.yaml (which `new chapter` edits), not a page file.
#[test]
fn new_and_translated_never_write_through_a_symlink_out_of_content() {
    let site = SiteTest::fixture("minimal");
    std::fs::create_dir_all(site.dir.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(site.dir.join("elsewhere"), site.dir.join("content/team")).unwrap();
    let run = site.run(&["new", "page", "team/people"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "content/team: error: this symlink leads outside the content folder (or nowhere); hakusho does not write through it\n  help: replace the link with a real folder or file inside content/\n"
    );
    std::fs::remove_file(site.dir.join("content/team")).unwrap();

    std::fs::rename(
        site.dir.join("content/site.yaml"),
        site.dir.join("elsewhere/site.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        site.dir.join("elsewhere/site.yaml"),
        site.dir.join("content/site.yaml"),
    )
    .unwrap();
    let before = site.read("elsewhere/site.yaml");
    let run = site.run(&["new", "chapter", "extra"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("content/site.yaml: error: this symlink leads outside the content folder"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("elsewhere/site.yaml"), before);
    assert!(!site.dir.join("content/chapters/extra").exists());
    std::fs::remove_file(site.dir.join("content/site.yaml")).unwrap();
    std::fs::rename(
        site.dir.join("elsewhere/site.yaml"),
        site.dir.join("content/site.yaml"),
    )
    .unwrap();

    std::fs::rename(
        site.dir.join("content/about/index.en.md"),
        site.dir.join("elsewhere/index.en.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        site.dir.join("elsewhere/index.en.md"),
        site.dir.join("content/about/index.en.md"),
    )
    .unwrap();
    let before = site.read("elsewhere/index.en.md");
    let run = site.run(&["translated", "about"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "content/about/index.en.md: error: this symlink leads outside the content folder"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("elsewhere/index.en.md"), before);
}
