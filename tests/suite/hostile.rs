//! Broken and hostile input. The cases are data, one file each under `tests/cases/hostile/<group>/`, run by
//! `cases::run_set` (every case on a copy of the minimal site with its previous output, every failure
//! reported); the tests here are the ones that need more than a build of a broken site.

use std::process::{Command, Stdio};
use std::sync::mpsc;
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

/// The build is stopped while it writes its staging folder, at a point the test makes it wait at, not at
/// a moment the test hopes for: a named pipe among the about page's files. The build copies a page's files
/// while rendering, after it has made its staging folder, and a read of the pipe waits until something
/// writes to it. So once the test's end of the pipe opens, the build is inside that read (it cannot end
/// on its own, as the test never writes), and its staging folder is there.
#[test]
fn an_interrupted_build_leaves_the_old_output_and_no_staging_folder() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let before = site.tree("output");
    let pipe = site.dir.join("content/about/pipe.bin");
    let made = Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut child = site
        .command(&["build"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Opening a pipe to write waits for a reader: the build, reading the page's files.
    let (opened, writer) = mpsc::channel();
    let path = pipe.clone();
    std::thread::spawn(move || {
        let _ = opened.send(std::fs::OpenOptions::new().write(true).open(path));
    });
    let started = Instant::now();
    let writer = loop {
        match writer.recv_timeout(Duration::from_millis(10)) {
            Ok(file) => break file.unwrap(),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(e) => panic!("{e}"),
        }
        let ended = child.try_wait().unwrap();
        if ended.is_some() || started.elapsed() > HANG_GUARD {
            // Free the thread waiting for a reader (a pipe opened to read and write does not wait).
            let _ = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&pipe);
            let _ = child.kill();
            let mut stderr = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
            panic!("the build did not read the named pipe ({ended:?}); stderr:\n{stderr}");
        }
    };
    assert_eq!(
        leftovers(&site).len(),
        2,
        "the build reads a page's files only after making its staging folder (and its lock file)"
    );
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    drop(writer);
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
