#!/usr/bin/env bash
# Coverage-guided fuzzing of qcdp's readers with SharpFuzz and libFuzzer (see fuzz/README.md).
#
#   fuzz/run.sh [--seconds N] [target ...]       default: 20 seconds for each of the eight targets
#
# Builds the harness twice (plain, and with QcdpBuilder.Core, QcdpBuilder.Pdf, YamlDotNet and Markdig
# instrumented by the SharpFuzz tool), compiles the libfuzzer-dotnet driver with clang, fuzzes each
# target from its seeds, and keeps every crashing, hanging or memory-hungry input as a regression case in
# tests/QcdpBuilder.Tests/Fuzz/Crashes/<target>/ (the fast test tier replays them). Prints executions
# and crashes per target. Exit 0: no crash; 1: crashes were found and kept; 2: a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=20
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(yaml markdown csv xlsx image font pptx-reference docx-reference)

work=${QCDP_FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/qcdp-fuzz-run.XXXXXX")}
mkdir -p "$work/tmp"
crashes_dir=$root/tests/QcdpBuilder.Tests/Fuzz/Crashes

missing() { echo "fuzz/run.sh: $1" >&2; exit 2; }
command -v dotnet >/dev/null || missing "dotnet is not installed"
clang=$(command -v clang || command -v clang-14 || command -v clang-16 || command -v clang-19 || true)
[ -n "$clang" ] || missing "clang is not installed (apt-get install clang libclang-rt-dev)"

# The libFuzzer driver: a small C program that starts the .NET harness and feeds it inputs through shared memory.
if ! "$clang" -O2 -fsanitize=fuzzer fuzz/libfuzzer-dotnet/libfuzzer-dotnet.cc -o "$work/libfuzzer-dotnet" 2>"$work/clang.log"; then
  cat "$work/clang.log" >&2
  missing "clang cannot link libFuzzer (apt-get install libclang-rt-dev, or libclang-rt-14-dev for clang-14)"
fi

# The SharpFuzz command-line tool (instruments assemblies), installed once from NuGet outside the repository.
tools=${XDG_CACHE_HOME:-$HOME/.cache}/qcdp-fuzz-tools
sharpfuzz=$tools/sharpfuzz
if [ ! -x "$sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null || missing "cannot install the SharpFuzz.CommandLine 2.3.0 tool"
fi

echo "building the harness in $work"
dotnet build fuzz/QcdpBuilder.Fuzz -c Release -o "$work/plain" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 2; }
rm -rf "$work/instrumented" && cp -r "$work/plain" "$work/instrumented"
for assembly in QcdpBuilder.Core.dll QcdpBuilder.Pdf.dll YamlDotNet.dll Markdig.dll; do
  "$sharpfuzz" "$work/instrumented/$assembly" >/dev/null
done

export QCDP_REPO=$root TMPDIR=$work/tmp DOTNET_CLI_TELEMETRY_OPTOUT=1
summary=$work/summary.txt
printf '%-16s %12s %8s\n' target executions crashes | tee "$summary"
found=0
for t in "${targets[@]}"; do
  corpus=$work/corpus/$t artifacts=$work/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  "$work/plain/QcdpBuilder.Fuzz" seeds "$t" "$corpus" >/dev/null
  # libFuzzer stops at the first crash; -timeout and -rss_limit_mb turn hangs and runaway memory into crashes too.
  "$work/libfuzzer-dotnet" --target_path="$work/instrumented/QcdpBuilder.Fuzz" --target_arg="libfuzzer:$t" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" >"$work/$t.log" 2>&1 || true
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' | tail -1)
  kept=0
  # crash-, timeout- and oom- inputs; libFuzzer's slow-unit- files are only slow on a busy machine.
  for artifact in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -f "$artifact" ] || continue
    "$work/plain/QcdpBuilder.Fuzz" keep "$t" "$artifact" "$crashes_dir/$t" >>"$work/kept.txt"
    kept=$((kept + 1))
  done
  [ "$kept" -eq 0 ] || { found=1; awk '/Exception|ERROR: libFuzzer/ { p = 1 } p { print } /ERROR: libFuzzer/ { exit }' "$work/$t.log" >&2; }
  printf '%-16s %12s %8s\n' "$t" "${execs:-0}" "$kept" | tee -a "$summary"
done
rm -rf "$work/tmp"
[ "$found" -eq 0 ] || { echo "crash inputs kept in tests/QcdpBuilder.Tests/Fuzz/Crashes (logs in $work):"; cat "$work/kept.txt"; exit 1; }
echo "no crashes (logs in $work)"
