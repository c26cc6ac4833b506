#!/usr/bin/env bash
# Starts Azurite (blob, queue, table; in memory) unless one already answers on 10000–10002.
# Prints the PID it started (or nothing when one was already running). Used by the tests and the demo.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if listening 10000 && listening 10001 && listening 10002; then
  exit 0
fi

if [ ! -x "$root/node_modules/.bin/azurite" ]; then
  echo "Installing Azurite from npm (once)…" >&2
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

log="${TMPDIR:-/tmp}/presspipeline-azurite.log"
# --skipApiVersionCheck: newer Azure.Storage SDKs send API versions older Azurite rejects (brief §4).
nohup "$root/node_modules/.bin/azurite" --inMemoryPersistence --skipApiVersionCheck --silent \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if listening 10000 && listening 10001 && listening 10002; then
    echo "$pid"
    exit 0
  fi
  sleep 0.2
done
echo "Azurite did not start within 20 s; see $log" >&2
kill "$pid" 2>/dev/null || true
exit 1
