#!/usr/bin/env bash
# Build both first: `git worktree add /work/wt/bench-base 812b62f --detach`, then `dotnet build bench/PressPipeline.Benchmarks -c Release` in each.
# Interleaved warm benchmark: base (812b62f) and branch, A B A B ..., same filter, BDN short job in process.
set -u
base_dir="${BASE:-/work/wt/bench-base}"
branch_dir="${BRANCH:-$(cd "$(dirname "$0")/../.." && pwd)}"
out="${OUT:-/tmp/gaps-bench}"; mkdir -p "$out"
rounds="${ROUNDS:-3}"
for r in $(seq 1 "$rounds"); do
  for side in base branch; do
    dir="$base_dir"; [ "$side" = branch ] && dir="$branch_dir"
    echo "== round $r $side $(date -u +%T)"
    (cd "$dir" && dotnet run -c Release --no-build --project bench/PressPipeline.Benchmarks -- \
      --filter '*WebEmailTextBenchmarks.Convert*' '*WebEmailTextBenchmarks.OpenXmlReadEveryPart*' --job short --inProcess \
      --artifacts "$out/warm-$side-$r") > "$out/warm-$side-$r.log" 2>&1
    grep -E "^\| (Convert|'?Open)" "$out/warm-$side-$r.log" | head -12
  done
done
echo "== done $(date -u +%T)"
