#!/usr/bin/env bash
# QcdpBuilder benchmark: whole-process timings of `qcdp build` and, in the same run, pandoc doing the
# PPTX+DOCX part of the same work, one process per file as a user would. Not a test; not run in CI.
# Usage: bench/run.sh            (RUNS=5 ORGS=10 by default; e.g. RUNS=10 bench/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
ORGS=${ORGS:-10}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/qcdp-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "== Machine"
echo "cores: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(free -m | awk '/Mem:/ {print $2 " MB"}'); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet $(dotnet --version); $(pandoc --version | head -1)"

echo "== Publishing qcdp (Release, ReadyToRun)"
rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
dotnet publish src/QcdpBuilder.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$WORK/qcdp" > "$WORK/publish.log" \
  || { cat "$WORK/publish.log"; exit 1; }
QCDP="$WORK/qcdp/qcdp"

# measure LABEL COMMAND...: runs the command RUNS times, cold process each time, with /usr/bin/time;
# prints min and median wall, min CPU (user+sys) and peak RSS; leaves the min wall in $WALL and min CPU in $CPU.
measure() {
  local label=$1; shift
  : > "$WORK/times"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/t" "$@" > /dev/null 2> "$WORK/err" || { cat "$WORK/err"; exit 1; }
    cat "$WORK/t" >> "$WORK/times"
  done
  WALL=$(cut -d' ' -f1 "$WORK/times" | sort -n | head -1)
  MEDIAN=$(cut -d' ' -f1 "$WORK/times" | sort -n | awk '{ w[NR]=$1 } END { print w[int((NR+1)/2)] }')
  CPU=$(awk '{ print $2+$3 }' "$WORK/times" | sort -n | head -1)
  RSS=$(awk '{ if ($4>m) m=$4 } END { printf "%d", m/1024 }' "$WORK/times")
  printf '%-48s wall min %6.2f s  median %6.2f s | CPU (user+sys) min %6.2f s | peak RSS %4d MB\n' "$label" "$WALL" "$MEDIAN" "$CPU" "$RSS"
}

echo "== Whole process, $RUNS runs each"
measure "qcdp build (whole package)" "$QCDP" build --out "$WORK/package"
echo "   $(find "$WORK/package" -type f | wc -l) files, $(du -sm "$WORK/package" | cut -f1) MB"
measure "qcdp build --only pptx,docx" "$QCDP" build --only pptx,docx --out "$WORK/subset"
OURS_WALL=$WALL; OURS_CPU=$CPU
echo "   $(find "$WORK/subset" -name '*.pptx' | wc -l) PPTX, $(find "$WORK/subset" -name '*.docx' | wc -l) DOCX"

# pandoc: each session's slides.md to PPTX and facilitator-notes.md to DOCX, one process per file.
cat > "$WORK/pandoc.sh" <<'SH'
#!/usr/bin/env bash
set -e
out=$1; mkdir -p "$out"
for f in content/workstreams/*/sessions/*/slides.md; do
  s=$(basename "$(dirname "$f")"); (cd "$(dirname "$f")" && pandoc slides.md -o "$out/$s.pptx")
done
for f in content/workstreams/*/sessions/*/facilitator-notes.md; do
  s=$(basename "$(dirname "$f")"); (cd "$(dirname "$f")" && pandoc facilitator-notes.md -o "$out/$s.docx")
done
SH
chmod +x "$WORK/pandoc.sh"
measure "pandoc, one file after another" "$WORK/pandoc.sh" "$WORK/pandoc"
PANDOC_WALL=$WALL; PANDOC_CPU=$CPU
echo "   $(ls "$WORK/pandoc"/*.pptx | wc -l) PPTX, $(ls "$WORK/pandoc"/*.docx | wc -l) DOCX"
awk -v pw="$PANDOC_WALL" -v pc="$PANDOC_CPU" -v ow="$OURS_WALL" -v oc="$OURS_CPU" 'BEGIN {
  printf "qcdp is %.1fx faster than pandoc on PPTX+DOCX by wall time, %.1fx by CPU time\n", pw/ow, pc/oc }'
echo "   (qcdp's subset is more work: it also writes every handout and programme document as DOCX, and its decks are branded)"

echo "== In process: where the time goes (qcdp benchmark, minimum of 3 runs)"
"$QCDP" benchmark --runs 3
echo "== In process: $ORGS organisations at once (qcdp benchmark --orgs $ORGS)"
"$QCDP" benchmark --orgs "$ORGS" --runs 1
