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

echo "== Publishing qcdp (Release, self-contained, composite ReadyToRun: about 2 minutes)"
# From a copy of src/ (without bin/ and obj/), so this never reuses or disturbs the working tree's build outputs.
# Self-contained composite ReadyToRun compiles our code, the libraries and the .NET libraries together, so generic
# code over our types (List<T>, LINQ, dictionaries) is precompiled too instead of compiled at start-up.
rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
mkdir -p "$WORK/src"
tar --exclude=bin --exclude=obj -C src -cf - . | tar -C "$WORK/src" -xf -
cp Directory.Build.props Directory.Packages.props "$WORK/"
dotnet publish "$WORK/src/QcdpBuilder.Cli" -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
  -o "$WORK/qcdp" > "$WORK/publish.log" || { cat "$WORK/publish.log"; exit 1; }
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
QCDP_TIMINGS=1 "$QCDP" build --out "$WORK/package" 2>&1 >/dev/null | sed 's/^/   /'
measure "qcdp validate (load, check, parse; no writing)" "$QCDP" validate
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

echo "== Watch: saving one session's slides (qcdp build --watch, in a copy of the repository)"
# The time is what qcdp reports: from the file system's change event to the last file written.
mkdir -p "$WORK/repo"
cp -r content templates organisations "$WORK/repo/"
slides=$(ls "$WORK"/repo/content/workstreams/*/sessions/*/slides.md | head -1)
(cd "$WORK/repo" && exec "$QCDP" build --watch --out "$WORK/watch-out" > "$WORK/watch.log" 2>&1) &
watch_pid=$!
for _ in $(seq 60); do grep -q "^Watching" "$WORK/watch.log" 2>/dev/null && break; sleep 0.5; done
for i in $(seq "$RUNS"); do
  before=$(grep -c "rebuilt" "$WORK/watch.log" || true)
  sed -i "0,/^## /s/^## \(.*\)$/## \1 (edit $i)/" "$slides"
  for _ in $(seq 40); do [ "$(grep -c "rebuilt" "$WORK/watch.log" || true)" -gt "$before" ] && break; sleep 0.25; done
  sleep 0.5
done
kill "$watch_pid" 2>/dev/null; wait "$watch_pid" 2>/dev/null || true
grep "rebuilt" "$WORK/watch.log" | tail -1 | sed 's/^/   last: /'
grep -o "[0-9,]* ms from the change" "$WORK/watch.log" | tr -d ',' | awk '{ print $1 }' | sort -n | awk '
  { t[NR]=$1 } END { if (NR) printf "   %d saves: from change to written files min %d ms, median %d ms\n", NR, t[1], t[int((NR+1)/2)] }'

echo "== In process: where the time goes (qcdp benchmark, minimum of 3 runs)"
"$QCDP" benchmark --runs 3
echo "== In process: $ORGS organisations at once (qcdp benchmark --orgs $ORGS)"
"$QCDP" benchmark --orgs "$ORGS" --runs 1
