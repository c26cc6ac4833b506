#!/bin/sh
# azd postdeploy hook: the second deployment step (docs/deploy.md, "What the second step does"). The Windows edition,
# postdeploy.ps1, does the same step for step; tests/Infra.Tests runs both against one fake az.
# The blob trigger on Flex Consumption is fed by an Event Grid subscription to the app's blobs webhook. The webhook
# needs the blobs_extension system key, which the Functions host creates only once the deployed code has started,
# so the subscription cannot be part of main.bicep. azd runs this after `azd deploy` / `azd up` with the outputs
# of main.bicep in the environment. Every az call names the subscription, so a different default subscription in the
# operator's az login cannot be used by mistake.
set -eu

for name in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_EVENTGRID_SYSTEM_TOPIC_NAME \
  AZURE_STORAGE_ACCOUNT_NAME UPLOADS_CONTAINER EVENTGRID_DEADLETTER_CONTAINER; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $name is not set. Run 'azd provision' (or 'azd up') first so azd knows the deployed resources." >&2
    exit 1
  fi
done
if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is needed to read the webhook key. Install it, run 'az login', then 'azd hooks run postdeploy'." >&2
  exit 1
fi

# The host writes the key shortly after its first start; wait for it, but not forever.
key=""
attempt=1
attempts="${PRESSPIPE_HOOK_ATTEMPTS:-20}"
while [ "$attempt" -le "$attempts" ]; do
  key=$(az functionapp keys list --subscription "$AZURE_SUBSCRIPTION_ID" --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  echo "postdeploy: waiting for the blobs_extension key of $AZURE_FUNCTION_APP_NAME (attempt $attempt of $attempts)…"
  sleep "${PRESSPIPE_HOOK_WAIT_SECONDS:-15}"
  attempt=$((attempt + 1))
done
if [ -z "$key" ]; then
  echo "postdeploy: $AZURE_FUNCTION_APP_NAME has no blobs_extension key. Check that the app started (docs/deploy.md, 'Logs and alerts') and rerun 'azd hooks run postdeploy'." >&2
  exit 1
fi

# The key goes to az in a parameters file readable only by us, never on a command line other users can see.
umask 077
params=$(mktemp)
trap 'rm -f "$params"' EXIT INT TERM
printf '{"blobsExtensionKey":{"value":"%s"}}\n' "$key" >"$params"

here=$(cd "$(dirname "$0")" && pwd)
set -- \
  systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
  functionAppName="$AZURE_FUNCTION_APP_NAME" \
  storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
  uploadsContainer="$UPLOADS_CONTAINER" \
  deadLetterContainer="$EVENTGRID_DEADLETTER_CONTAINER"
# Only for a deliberate override; the default in eventgrid-subscription.bicep is checked against the code by CI.
if [ -n "${BLOB_TRIGGER_FUNCTION_NAME:-}" ]; then
  set -- "$@" blobTriggerFunctionName="$BLOB_TRIGGER_FUNCTION_NAME"
fi

az deployment group create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "presspipeline-eventgrid-subscription" \
  --template-file "$here/../eventgrid-subscription.bicep" \
  --parameters "@$params" \
  --parameters "$@" \
  --only-show-errors --output none

echo "postdeploy: .docx uploads to '$UPLOADS_CONTAINER' now reach the blob trigger of $AZURE_FUNCTION_APP_NAME."
