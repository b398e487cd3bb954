#!/usr/bin/env bash
# What charts cost (README, "Performance"): a site of CHARTS charts (default 1000; 100 cases of 10 charts of
# every kind, both languages) made from tests/fixtures/minimal, built RUNS times (default 5) on tmpfs without
# the PDF editions; prints the median and range of the whole build and of the `charts` step (both drawings of
# every chart in both languages) and the `pages` step (which makes each figure's page and downloads: PNG, SVG,
# CSV, CSVW, xlsx), from `--timings`; each run builds into an empty folder, then again over that output.
#
#   bash tests/bench/charts.sh
#   HAKUSHO=path/to/other/hakusho bash tests/bench/charts.sh   # another binary, e.g. an older commit's
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CHARTS=${CHARTS:-1000}
RUNS=${RUNS:-5}
DIR=${BENCH_DIR:-/dev/shm/hakusho-bench}/charts-$CHARTS
if [ -z "${HAKUSHO:-}" ]; then
  cargo build --profile dist --quiet --bin hakusho
  HAKUSHO=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/dist/hakusho
fi

rm -rf "$DIR" && mkdir -p "$DIR"
cp -r tests/fixtures/minimal/content "$DIR/content"
python3 - "$DIR/content" "$CHARTS" <<'EOF'
import os, sys
root, charts = sys.argv[1], int(sys.argv[2])
kinds = ["bar", "line", "stacked", "hbar"]  # the kinds every version since the benchmark began has
per_case = 10
for c in range((charts + per_case - 1) // per_case):
    slug = f"bench-{c:04d}"
    d = os.path.join(root, "cases", slug)
    os.makedirs(d)
    n = min(per_case, charts - c * per_case)
    ids = [f"{slug}-{i}" for i in range(n)]
    with open(os.path.join(d, "data.yaml"), "w") as f:
        f.write("chapter: one\nregions: [hyogo]\nfields: [medicine]\nprogrammes: [coi]\nsources: [doc1]\ncharts:\n")
        for i, cid in enumerate(ids):
            kind = kinds[(c + i) % len(kinds)]
            years = [2015 + y for y in range(6 + i % 5)]
            f.write(f"  - id: {cid}\n    kind: {kind}\n")
            f.write(f"    title: {{ja: 第{c}事例の図{i}の推移, en: Trend {i} of case {c}}}\n")
            f.write(f"    categories: [{', '.join(map(str, years))}]\n    series:\n")
            for s in range(1 + (i % 3)):
                vals = [((c * 37 + i * 11 + s * 7 + y * 13) % 90) + 10 for y in range(len(years))]
                f.write(f"      - name: {{ja: 系列{s}, en: Series {s}}}\n")
                f.write(f"        values: [{', '.join(map(str, vals))}]\n")
            f.write("    unit: {ja: 件, en: cases}\n    source: doc1\n")
    for lang, title in [("ja", f"ベンチ事例{c}"), ("en", f"Bench case {c}")]:
        with open(os.path.join(d, f"index.{lang}.md"), "w") as f:
            f.write(f"---\ntitle: {title}\nsummary: {title}\ndate: 2025-03-31\n---\n")
            for cid in ids:
                f.write(f"\n```chart\n{cid}\n```\n")
EOF

measure() {
  local out total charts pages
  out=$("$HAKUSHO" build --content "$DIR/content" --output "$DIR/output" --no-pdf --timings 2>&1)
  total=$(echo "$out" | sed -n 's/.* in \([0-9.]*\) s → .*/\1/p')
  charts=$(echo "$out" | awk '$1 == "charts" {print $2}')
  pages=$(echo "$out" | awk '$1 == "pages" {print $2}')
  echo "$total $charts $pages"
}
times=()
again=()
for _ in $(seq "$RUNS"); do
  rm -rf "$DIR/output"
  times+=("$(measure)")   # into an empty folder
  again+=("$(measure)")   # over the previous output (figure PNGs with an unchanged key are taken from it)
done
files=$(find "$DIR/output" -type f | wc -l)
bytes=$(du -sb "$DIR/output" | cut -f1)
report() { python3 -c "
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
def show(i, unit, scale):
    xs = [r[i] * scale for r in rows]
    return f'{statistics.median(xs):.0f} {unit} ({min(xs):.0f}–{max(xs):.0f})'
print('$1:')
print('  whole build  ', show(0, 'ms', 1000))
print('  charts step  ', show(1, 'ms', 1))
print('  pages step   ', show(2, 'ms', 1))
"; }
echo "$CHARTS charts, $RUNS runs, $files files, $((bytes / 1000000)) MB written ($HAKUSHO)"
printf '%s\n' "${times[@]}" | report "into an empty folder"
printf '%s\n' "${again[@]}" | report "again, over the previous output"
