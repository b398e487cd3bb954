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
