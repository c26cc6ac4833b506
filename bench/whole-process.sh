#!/usr/bin/env bash
# Times whole-process conversion of the same .docx files by `presspipe convert` (the published Native AOT
# build, run as a process), `soffice --headless --convert-to pdf` (LibreOffice, when installed), `mammoth`
# (npm mammoth@1.13.0, docx → HTML) and `pandoc` (docx → HTML, when installed).
# Prints the median wall time of N runs per tool and file, and each tool's time as a ratio of presspipe's.
#
#   bash bench/whole-process.sh                 # sample + largest corpus files, 11 runs each
#   RUNS=21 bash bench/whole-process.sh a.docx  # your own files
#   PRESSPIPE=/tmp/pp/presspipe bash bench/whole-process.sh   # reuse a published build
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-11}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$#" -gt 0 ]; then
  files=("$@")
else
  files=(
    "$root/samples/iom-roundtable-2014.docx"
    "$root/samples/report-60-chapters.docx"
    "$root/tests/Conversion.Tests/Fixtures/hyperspot/test_file_big_english.docx"
    "$root/tests/Conversion.Tests/Fixtures/clippit/5DayTourPlanTemplate.docx"
    "$root/tests/Conversion.Tests/Fixtures/clippit/LIR007-ru-RU-ordinalText.docx"
  )
fi

# PRESSPIPE=/path/to/presspipe reuses an earlier publish (publishing takes minutes).
presspipe="${PRESSPIPE:-}"
if [ -z "$presspipe" ]; then
  if command -v clang >/dev/null 2>&1; then
    presspipe="$(bash "$root/scripts/publish-cli.sh" "$work/presspipe" | tail -n 1)"
  else
    # Without clang there is no AOT build; ReadyToRun is the next best thing and is labelled as such.
    echo "No clang: timing a ReadyToRun build instead of Native AOT (expect about a second of start-up per run)." >&2
    dotnet publish "$root/src/Cli/PressPipeline.Cli.csproj" -c Release -r linux-x64 --self-contained false \
      -p:PublishAot=false -p:PublishReadyToRun=true -o "$work/presspipe" --nologo -v q >/dev/null
    presspipe="$work/presspipe/presspipe"
  fi
fi

soffice="$(command -v soffice || true)"
mammoth=""
if command -v npm >/dev/null 2>&1; then
  echo "Installing mammoth@1.13.0 into a temporary folder…" >&2
  if (cd "$work" && npm install --no-audit --no-fund --loglevel=error mammoth@1.13.0 >/dev/null 2>&1); then
    mammoth="$work/node_modules/.bin/mammoth"
  fi
fi
pandoc="$(command -v pandoc || true)"

# Wall time in milliseconds of one run of the given command (output discarded).
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# Median of the numbers in a file, one per line.
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

printf '%-40s %10s %10s %8s %10s %8s %10s %8s\n' "file (median of $runs runs, ms)" "presspipe" "soffice" "ratio" "mammoth" "ratio" "pandoc" "ratio"
for file in "${files[@]}"; do
  [ -f "$file" ] || { echo "skipping missing $file" >&2; continue; }
  name="$(basename "$file")"
  if [ -n "$soffice" ]; then
    "$soffice" --headless --convert-to pdf --outdir "$work/out-soffice" "$file" >/dev/null 2>&1 || true # first run makes its profile
  fi
  rm -f "$work"/times-*
  # Runs are interleaved (one of each tool per round) so a machine that speeds up or slows down during
  # the measurement shifts every tool alike instead of skewing the ratios.
  for _ in $(seq "$runs"); do
    time_ms "$presspipe" convert "$file" -o "$work/out-presspipe" >>"$work/times-presspipe"
    if [ -n "$soffice" ]; then time_ms "$soffice" --headless --convert-to pdf --outdir "$work/out-soffice" "$file" >>"$work/times-soffice"; fi
    if [ -n "$mammoth" ]; then time_ms "$mammoth" "$file" "$work/out-mammoth.html" >>"$work/times-mammoth"; fi
    if [ -n "$pandoc" ]; then time_ms "$pandoc" "$file" -o "$work/out-pandoc.html" >>"$work/times-pandoc"; fi
  done
  p=$(median "$work/times-presspipe")
  s="-"; sr="-"; m="-"; mr="-"; d="-"; dr="-"
  if [ -n "$soffice" ]; then s=$(median "$work/times-soffice"); sr=$(ratio "$s" "$p"); fi
  if [ -n "$mammoth" ]; then m=$(median "$work/times-mammoth"); mr=$(ratio "$m" "$p"); fi
  if [ -n "$pandoc" ]; then d=$(median "$work/times-pandoc"); dr=$(ratio "$d" "$p"); fi
  printf '%-40s %10s %10s %8s %10s %8s %10s %8s\n' "$name" "$p" "$s" "$sr" "$m" "$mr" "$d" "$dr"
done
echo "ratio = other tool's median / presspipe's median (above 1: presspipe is faster)"
echo "presspipe writes all four variants (web, e-mail, text, PDF) and the manifest; soffice only the PDF."
