#!/usr/bin/env bash
# Publish both first: `bash scripts/publish-cli.sh /tmp/gaps-bench/base-cli` in the base worktree, `... /tmp/gaps-bench/branch-cli` here.
# Whole-process `presspipe convert` (Native AOT) of base (812b62f) and branch, interleaved per run and file:
# base, branch, base, branch… so both see the same machine load. Prints one line per run: side file ms exit.
set -u
runs="${RUNS:-11}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${OUT:-/tmp/gaps-bench}"
files=(
  "$root/samples/iom-roundtable-2014.docx"
  "$root/samples/report-60-chapters.docx"
  "$root/tests/Conversion.Tests/Fixtures/hyperspot/test_file_big_english.docx"
  "$root/tests/Conversion.Tests/Fixtures/clippit/5DayTourPlanTemplate.docx"
  "$root/tests/Conversion.Tests/Fixtures/clippit/LIR007-ru-RU-ordinalText.docx"
)
work=$(mktemp -d)
for r in $(seq 1 "$runs"); do
  for f in "${files[@]}"; do
    for side in base branch; do
      bin="$out/$side-cli/presspipe"
      rm -rf "$work/out"
      t0=$(date +%s%N)
      "$bin" convert "$f" -o "$work/out" >/dev/null 2>&1
      code=$?
      t1=$(date +%s%N)
      echo "$side $(basename "$f") $(( (t1 - t0) / 1000000 )) $code"
    done
  done
done
rm -rf "$work"
