//! Broken and hostile input. The cases are data, one file each under `tests/cases/hostile/<group>/`, run by
//! `cases::run_set` (every case on a copy of the minimal site with its previous output, every failure
//! reported); the tests here are the ones that need more than a build of a broken site.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{HANG_GUARD, SiteTest, is_root};

/// Every case under tests/cases/hostile/ (see tests/README.md, "Adding a hostile-input case").
#[test]
fn cases() {
    crate::cases::run_set("hostile");
}

fn leftovers(site: &SiteTest) -> Vec<String> {
    std::fs::read_dir(&site.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("hakusho-tmp"))
        .collect()
}

#[test]
fn destinations() {
    let site = SiteTest::fixture("minimal");
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    for (dest, why) in [
        ("/", "it is the root of the file system"),
        (home.as_str(), "it is your home folder"),
        (".", "it is the project folder"),
        ("content", "it is inside content/"),
        ("themes", "it is inside themes/"),
    ] {
        let run = site.run(&["build", "--output", dest]);
        assert_eq!(run.code, 1, "{dest}");
        assert!(
            run.stderr.contains(&format!(
                "error: refusing to use {dest} as the output folder: {why}"
            )),
            "{}",
            run.stderr
        );
    }
    assert!(site.dir.join(".git/HEAD").exists());
    // A folder holding .git anywhere.
    site.write("repo/.git/HEAD", "x");
    let run = site.run(&["build", "--output", "repo"]);
    assert!(
        run.stderr.contains("it holds a .git folder"),
        "{}",
        run.stderr
    );
    // A folder hakusho did not make.
    site.write("public/index.html", "mine");
    let run = site.run(&["build", "--output", "public"]);
    assert!(
        run.stderr
            .contains("refusing to replace public: it is not empty and was not made by hakusho")
    );
    assert_eq!(
        std::fs::read_to_string(site.dir.join("public/index.html")).unwrap(),
        "mine"
    );
    // A destination that is a symlink.
    std::fs::create_dir_all(site.dir.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(site.dir.join("elsewhere"), site.dir.join("linked")).unwrap();
    let run = site.run(&["build", "--output", "linked"]);
    assert!(
        run.stderr
            .contains("error: refusing to use linked as the output folder: it is a symlink"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(site.dir.join("elsewhere"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn read_only_destination() {
    use std::os::unix::fs::PermissionsExt;
    let site = SiteTest::fixture("minimal");
    // Permission bits do not stop root, so root writes into sysfs, which refuses everyone.
    let dest = if is_root() {
        "/sys/hakusho-test-output".to_string()
    } else {
        std::fs::create_dir_all(site.dir.join("ro")).unwrap();
        std::fs::set_permissions(site.dir.join("ro"), std::fs::Permissions::from_mode(0o555))
            .unwrap();
        "ro/out".to_string()
    };
    let run = site.run(&["build", "--output", &dest]);
    if !is_root() {
        std::fs::set_permissions(site.dir.join("ro"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
    }
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: cannot write "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with(&format!(
            "build failed: 1 error; {dest} was left unchanged\n"
        )),
        "{}",
        run.stderr
    );
}

/// The build is interrupted while it writes its staging folder. A named pipe among a page's files no
/// longer makes it wait (such files are refused before the build starts), so the test watches for the
/// staging folder, freezes the build the moment it appears (SIGSTOP; the folder is made long before the
/// pages are written), checks that it is still there, then sends Ctrl+C and lets the build go on.
#[test]
fn an_interrupted_build_leaves_the_old_output_and_no_staging_folder() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let before = site.tree("output");
    let mut child = site
        .command(&["build"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id().to_string();
    let started = Instant::now();
    loop {
        if leftovers(&site).iter().any(|n| !n.ends_with(".lock")) {
            Command::new("kill").args(["-STOP", &pid]).status().unwrap();
            break;
        }
        let ended = child.try_wait().unwrap();
        if ended.is_some() || started.elapsed() > HANG_GUARD {
            let _ = child.kill();
            panic!("the build ended ({ended:?}) before its staging folder was seen");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let staged = leftovers(&site);
    Command::new("kill").args(["-INT", &pid]).status().unwrap();
    Command::new("kill").args(["-CONT", &pid]).status().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        staged.len(),
        2,
        "the staging folder and its lock file, while the build is frozen: {staged:?}"
    );
    assert_eq!(status.code(), Some(130));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(
        stderr,
        "interrupted: the output folder was left as it was\n"
    );
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
    assert_eq!(before, site.tree("output"));
}

/// A named pipe beside a page, as an asset or in place of a page's text or data, is refused at once
/// without being opened (opening one to read waits for a writer for ever).
#[test]
fn special_files_in_content_are_refused_without_being_opened() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let before = site.tree("output");
    for (rel, replace) in [
        ("content/about/pipe.bin", false),
        ("content/about/index.en.md", true),
        ("content/cases/alpha/data.yaml", true),
        ("content/site.yaml", true),
    ] {
        let path = site.dir.join(rel);
        let saved = std::fs::read(&path).ok();
        if replace {
            std::fs::remove_file(&path).unwrap();
        }
        assert!(
            Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap()
                .success()
        );
        let run = site.run(&["build"]);
        assert_eq!(run.code, 1, "{rel}");
        assert_eq!(
            run.stderr,
            format!(
                "{rel}: error: this is a named pipe (FIFO), not a regular file; hakusho does not open it\n  help: replace it with a regular file, or remove it\nbuild failed: 1 error; output was left unchanged\n"
            )
        );
        std::fs::remove_file(&path).unwrap();
        if let Some(saved) = saved {
            std::fs::write(&path, saved).unwrap();
        }
    }
    assert_eq!(before, site.tree("output"));
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
}

/// A file beside a page is published in both languages from one copy: the second is a hard link.
#[test]
fn a_file_beside_a_page_is_copied_once_and_linked() {
    use std::os::unix::fs::MetadataExt;
    let site = SiteTest::fixture("minimal");
    site.write("content/about/data.bin", vec![7u8; 3 << 20]);
    site.build_ok(&[]);
    let ja = std::fs::metadata(site.dir.join("output/ja/about/data.bin")).unwrap();
    let en = std::fs::metadata(site.dir.join("output/en/about/data.bin")).unwrap();
    assert_eq!(ja.len(), 3 << 20);
    assert_eq!((ja.dev(), ja.ino()), (en.dev(), en.ino()));
}

/// A file beside a page may be at most 256 MiB: one byte more is an error naming the file and the limit,
/// found from its size before it is read (the file here is sparse, so the test writes nothing), and the
/// previous output stays.
#[test]
fn a_file_beside_a_page_over_256_mib_is_refused() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let before = site.tree("output");
    let big = std::fs::File::create(site.dir.join("content/about/video.mp4")).unwrap();
    big.set_len((256 << 20) + 1).unwrap();
    drop(big);
    let err = site.build_err();
    assert!(
        err.starts_with("content/about/video.mp4: error: the file is larger than 256 MiB, the most hakusho publishes beside a page\n  help: make the file smaller, or publish it elsewhere and link to it\n"),
        "{err}"
    );
    assert_eq!(site.tree("output"), before);
    // Exactly 256 MiB is published.
    let big = std::fs::OpenOptions::new()
        .write(true)
        .open(site.dir.join("content/about/video.mp4"))
        .unwrap();
    big.set_len(256 << 20).unwrap();
    drop(big);
    site.build_ok(&[]);
    assert_eq!(
        std::fs::metadata(site.dir.join("output/ja/about/video.mp4"))
            .unwrap()
            .len(),
        256 << 20
    );
}

/// Staging folders left by killed builds (their lock free, or, from before lock files, their process gone)
/// are removed by the next build; one whose lock is held belongs to a running build and is kept.
#[test]
fn the_next_build_removes_what_killed_builds_left_but_not_a_live_build() {
    use std::os::unix::io::AsRawFd;
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    // A process id that is not running: the highest one the kernel hands out, unless it is in use.
    let dead_pid = (1..4_194_304u32)
        .rev()
        .find(|pid| !std::path::Path::new(&format!("/proc/{pid}")).exists())
        .unwrap();
    let killed = format!(".output.hakusho-tmp-{dead_pid}-0");
    site.write(&format!("{killed}/ja/index.html"), "half");
    site.write(&format!("{killed}.lock"), "");
    let killed_swapping = format!(".output.hakusho-tmp-{dead_pid}-1-old");
    site.write(&format!("{killed_swapping}/ja/index.html"), "old");
    site.write(&format!(".output.hakusho-tmp-{dead_pid}-1.lock"), "");
    let legacy = format!(".output.hakusho-tmp-{dead_pid}");
    site.write(&format!("{legacy}/ja/index.html"), "from before lock files");
    let live = format!(".output.hakusho-tmp-{}-7", std::process::id());
    site.write(&format!("{live}/ja/index.html"), "being written");
    let lock = std::fs::File::create(site.dir.join(format!("{live}.lock"))).unwrap();
    // SAFETY: flock on a file this test holds open.
    assert_eq!(
        unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) },
        0
    );
    site.build_ok(&[]);
    let mut left = leftovers(&site);
    left.sort();
    assert_eq!(left, vec![live.clone(), format!("{live}.lock")]);
    assert_eq!(site.read(&format!("{live}/ja/index.html")), "being written");
    drop(lock);
    site.build_ok(&[]);
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
}
