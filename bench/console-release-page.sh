#!/usr/bin/env bash
# Time to first byte of the staff console's release page for a long document, the whole request on `presspipe serve`
# (docs/benchmarks.md, "Console release page"). Each run starts a fresh `serve`, warms it on the sample's release page
# (so JIT and fonts are not what is measured), then asks once for the long document's release page: the first look
# at a release, when nothing of it is cached. Prints each run and the medians.
#
#   PRESSPIPE=src/Cli/bin/Release/net10.0/presspipe RUNS=7 bash bench/console-release-page.sh samples/report-60-chapters.docx
#
# Needs Azurite on 127.0.0.1:10000-10002 (scripts/azurite.sh). Uses its own containers and tables (RUN_NAME,
# default consolebench<time>), so it leaves the default ones alone; the same RUN_NAME can be given to compare two
# builds on the same stored releases.
set -euo pipefail

docx=${1:?usage: bench/console-release-page.sh <long.docx>}
presspipe=${PRESSPIPE:-src/Cli/bin/Release/net10.0/presspipe}
runs=${RUNS:-7}
port=${PORT:-7391}
run=${RUN_NAME:-consolebench$(date -u +%H%M%S)}

# The containers and tables of one run, as `presspipe serve --run` names them (DemoCommand.RunSettings).
export Pipeline__UploadsContainer=$run-uploads Pipeline__ReleasesContainer=$run-releases \
  Pipeline__NewsroomContainer=$run-newsroom Pipeline__ScheduleContainer=$run-schedule Pipeline__WorkQueue=$run-work \
  Contacts__Container=$run-contacts Contacts__SuppressionTable=${run}suppressions SendGrid__LedgerTable=${run}ledger \
  SendGrid__EventTable=${run}events SendGrid__StatusTable=${run}recipients

# "Uploaded x.docx as release <id>" or "x.docx is release <id>, uploaded before"; upload exits non-zero when the
# document's own embargo has passed (the sample's), which does not matter here.
upload() { { "$presspipe" upload "$1" || true; } | sed -n 's/.* release \([0-9a-f]\{20\}\).*/\1/p' | head -1; }
ids_file=${TMPDIR:-/tmp}/$run.ids
if [[ -f $ids_file ]]; then
  read -r sample long < "$ids_file"
else
  sample=$(upload samples/iom-roundtable-2014.docx)
  long=$(upload "$docx")
  echo "$sample $long" > "$ids_file"
fi
echo "run $run: sample $sample, $(basename "$docx") $long; $runs runs with $presspipe"

base=http://localhost:$port/console
ttfb=()
total=()
images=()
for i in $(seq 1 "$runs"); do
  "$presspipe" serve --port "$port" --run "$run" --every 3600 > "${TMPDIR:-/tmp}/$run.serve.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2> /dev/null || true' EXIT
  until curl -sf -o /dev/null "$base/"; do sleep 0.2; done
  curl -sf -o /dev/null "$base/releases/$sample"
  for img in $(curl -sf "$base/releases/$sample" | grep -o 'preview/pdf-page/[0-9]*[^"]*' | head -1); do
    curl -sf -o /dev/null "$base/releases/$sample/$img"
  done
  read -r first whole < <(curl -sf -o /dev/null -w '%{time_starttransfer} %{time_total}\n' "$base/releases/$long")
  # Then one page image of it, as the browser asks when that page scrolls into view.
  src=$(curl -sf "$base/releases/$long" | grep -o 'preview/pdf-page/20[^"]*' | head -1 | sed 's/&amp;/\&/g')
  image=$(curl -sf -o /dev/null -w '%{time_total}' "$base/releases/$long/$src")
  echo "run $i: first byte ${first}s, whole ${whole}s; then page 20's image ${image}s"
  images+=("$image")
  ttfb+=("$first")
  total+=("$whole")
  kill "$pid" && wait "$pid" 2> /dev/null || true
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "median first byte $(median "${ttfb[@]}")s, whole $(median "${total[@]}")s, page 20's image $(median "${images[@]}")s over $runs runs"
