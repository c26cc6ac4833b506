#!/usr/bin/env bash
# The long fault campaign (docs/distribution.md, "Fault campaign"): RUNS seeded runs of a release to RECIPIENTS
# journalists through the real pipeline, ledger and SendGrid client (local endpoint, Azurite), faults injected at
# every step, each followed by staff's resume / release. Needs Azurite (scripts/azurite.sh).
#   RUNS=1000 RECIPIENTS=10000 SEED=1 bash bench/fault-campaign.sh
# One line per run goes to $REPORT.runs as it finishes, so a run stopped early still leaves its figures;
# bench/fault-campaign-summary.py sums one or more such files.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-1000}
RECIPIENTS=${RECIPIENTS:-10000}
SEED=${SEED:-1}
REPORT=${REPORT:-$PWD/out/fault-campaign.txt}
mkdir -p "$(dirname "$REPORT")"
rm -f "$REPORT" "$REPORT.runs"
PRESSPIPE_FAULT_RUNS=$RUNS PRESSPIPE_FAULT_RECIPIENTS=$RECIPIENTS PRESSPIPE_FAULT_SEED=$SEED PRESSPIPE_FAULT_REPORT=$REPORT \
  dotnet test tests/Pipeline.Tests -c Release --filter 'FullyQualifiedName~FaultCampaignTests' --logger 'console;verbosity=normal'
python3 bench/fault-campaign-summary.py "$REPORT.runs"
