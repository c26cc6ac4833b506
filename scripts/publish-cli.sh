#!/usr/bin/env bash
# Publishes presspipe compiled ahead of time (Native AOT) and prints the binary's path on the last line.
# This is the build to ship and to time: it starts in milliseconds where the JIT build spends about a second
# warming up (docs/benchmarks.md). Native AOT links with clang: `apt-get install clang` on Debian or Ubuntu.
#
#   bash scripts/publish-cli.sh              # into out/presspipe/
#   bash scripts/publish-cli.sh /opt/pp      # into a folder of your choice
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-$root/out/presspipe}"

if ! command -v clang >/dev/null 2>&1; then
  echo "Publishing presspipe ahead of time needs clang to link it; install it (Debian/Ubuntu: apt-get install clang) and run this again." >&2
  exit 2
fi

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "No Native AOT runtime is set up here for $(uname -m); use 'dotnet run --project src/Cli' instead." >&2; exit 2 ;;
esac

echo "Publishing presspipe for $rid (Native AOT, a few minutes)…" >&2
dotnet publish "$root/src/Cli/PressPipeline.Cli.csproj" -c Release -r "$rid" -o "$target" --nologo -v q >&2
echo "$target/presspipe"
