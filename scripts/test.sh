#!/usr/bin/env bash
# The test command: starts Azurite, runs every test project, prints one summary line.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

azurite_pid="$(bash scripts/azurite.sh)" || exit 1
cleanup() { [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null; }
trap cleanup EXIT

results="$root/TestResults"
rm -rf "$results"
run_tests() { dotnet test "$@" --nologo -c Release --logger "trx" --results-directory "$results"; }
if [ "$#" -gt 0 ]; then
  # A developer's own selection (a --filter, a project): run it as asked.
  run_tests PressPipeline.sln "$@"
  status=$?
else
  # The browser tests drive real pages with 30-second waits for each navigation. Beside every other test project
  # on two cores, Azurite and the in-process host answered a form post after more than 30 s (seen in two full runs
  # of five), so they run on their own once the rest is done: same tests, no contention.
  dotnet build PressPipeline.sln --nologo -c Release
  status=$?
  if [ "$status" -eq 0 ]; then
    run_tests PressPipeline.sln --no-build --filter "FullyQualifiedName!~PressPipeline.Browser.Tests"
    status=$?
    run_tests tests/Browser.Tests/PressPipeline.Browser.Tests.csproj --no-build
    browser=$?
    [ "$status" -eq 0 ] && status=$browser
  fi
fi

# dotnet test prints one summary per project; CI wants one line for the whole run.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any test could report
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
