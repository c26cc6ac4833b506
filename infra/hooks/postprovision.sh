#!/bin/sh
# azd postprovision hook (the Windows edition, postprovision.ps1, does the same step for step).
#
# 1. Makes sure the secrets the app signs and hashes with exist in Key Vault. Each is created once, with 48 random
#    bytes made on this machine and handed to Key Vault through a private file, and only when the vault answers
#    SecretNotFound. Any other answer (403 while a role assignment applies, 429, a network error) stops the hook
#    without writing anything: overwriting contacts-hash-key would forget every unsubscribe. Rotation is deliberate
#    (docs/deploy.md, "Rotating secrets").
# 2. Checks the SendGrid secrets, which only SendGrid can give: the API key is required when SendGrid is the
#    transport (MAIL_TRANSPORT, a main.bicep output); the webhook verification key is reported if missing.
# 3. Asks App Service to re-read the app's Key Vault references and waits until every one the app needs is
#    resolved. App Service resolves references only when the configuration changes, about every 24 hours, or on
#    this refresh (a restart does not), and until then hands the app the literal "@Microsoft.KeyVault(...)" text,
#    which the app refuses to start with. Checked against the App Service REST reference ("Web Apps - Get App
#    Settings Key Vault References": GET .../config/configreferences/appsettings, properties.status is a
#    ResolveStatus such as Resolved, Initialized, SecretNotFound, AccessToKeyVaultDenied) and the refresh operation
#    the Key Vault references article names (POST .../config/configreferences/appsettings/refresh).
#
# Every az call names the subscription (--subscription, or the resource id in the URL for az rest, which has no
# --subscription option), so a different default subscription in the operator's az login cannot be used by mistake.
set -eu

say() { echo "postprovision: $*"; }
fail() { echo "postprovision: $*" >&2; exit 1; }

for name in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_KEY_VAULT_NAME AZURE_FUNCTION_APP_NAME; do
  eval "value=\${$name:-}"
  [ -n "$value" ] || fail "$name is not set; run 'azd provision' (or 'azd up') first so azd knows the deployed resources."
done
command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is needed; install it and run 'az login'."
command -v openssl >/dev/null 2>&1 || fail "openssl is needed to generate secrets."

subscription="$AZURE_SUBSCRIPTION_ID"
vault="$AZURE_KEY_VAULT_NAME"
transport="${MAIL_TRANSPORT:-SendGrid}"
# Waits are long enough for role assignments and reference resolution to apply; the tests shorten them.
attempts="${PRESSPIPE_HOOK_ATTEMPTS:-20}"
pause="${PRESSPIPE_HOOK_WAIT_SECONDS:-15}"
api="api-version=2025-03-01"
site="/subscriptions/$subscription/resourceGroups/$AZURE_RESOURCE_GROUP/providers/Microsoft.Web/sites/$AZURE_FUNCTION_APP_NAME"

umask 077
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM

# The first line of az's error, for a sentence; az errors name the cause ("(Forbidden) ...", "(SecretNotFound) ...").
first_error() { sed -n '/[^[:space:]]/{p;q;}' "$scratch/err"; }

# Prints "present", "absent" (the vault answered SecretNotFound) or stops the hook on any other answer.
secret_state() {
  if az keyvault secret show --subscription "$subscription" --vault-name "$vault" --name "$1" \
    --query id --output tsv >"$scratch/out" 2>"$scratch/err"; then
    echo present
  elif grep -q "SecretNotFound" "$scratch/err"; then
    echo absent
  else
    fail "could not tell whether $1 exists in $vault ($(first_error)); nothing was written. Fix that (a role still applying, a throttled vault: wait a minute) and rerun 'azd hooks run postprovision'."
  fi
}

# The deployer's Key Vault role was just granted; role assignments can take a few minutes to apply.
attempt=1
until az keyvault secret list --subscription "$subscription" --vault-name "$vault" --maxresults 1 --output none 2>"$scratch/err"; do
  if [ "$attempt" -ge "$attempts" ]; then
    fail "cannot read secrets in $vault ($(first_error)). Check that you hold 'Key Vault Secrets Officer' on it (main.bicep grants it to AZURE_PRINCIPAL_ID) and, with VNET_ENABLED=true, that this machine's public address is in OPERATOR_IP_ADDRESSES or that it runs inside the virtual network."
  fi
  say "waiting for Key Vault access to apply (attempt $attempt of $attempts)…"
  sleep "$pause"
  attempt=$((attempt + 1))
done

for secret in links-signing-secret unsubscribe-signing-secret contacts-hash-key; do
  state=$(secret_state "$secret")
  if [ "$state" = present ]; then
    say "$secret already set; left as it is."
    continue
  fi
  openssl rand -base64 48 | tr -d '\n' >"$scratch/value"
  if ! az keyvault secret set --subscription "$subscription" --vault-name "$vault" --name "$secret" \
    --file "$scratch/value" --encoding utf-8 --content-type text/plain --output none --only-show-errors 2>"$scratch/err"; then
    rm -f "$scratch/value"
    if grep -q "ObjectIsDeletedButRecoverable" "$scratch/err"; then
      fail "$secret was deleted but can still be recovered; recover it rather than make a new one (a new contacts-hash-key forgets every unsubscribe): az keyvault secret recover --subscription $subscription --vault-name $vault --name $secret, then rerun 'azd hooks run postprovision'."
    fi
    fail "could not create $secret in $vault ($(first_error)); rerun 'azd hooks run postprovision' once that is fixed."
  fi
  rm -f "$scratch/value"
  say "generated $secret."
done

required="Links__SigningSecret Unsubscribe__SigningSecret Contacts__HashKey"
if [ "$(secret_state sendgrid-api-key)" = absent ]; then
  if [ "$transport" = "Outbox" ]; then
    say "sendgrid-api-key is not set; MAIL_TRANSPORT is Outbox, so every message goes to the outbox container on purpose."
  else
    fail "sendgrid-api-key is not in $vault and SendGrid is the transport, so the app would refuse to start. Put the key in the vault (docs/deploy.md, 'SendGrid') and rerun 'azd hooks run postprovision', or keep mail in the outbox on purpose with 'azd env set MAIL_TRANSPORT Outbox' and 'azd provision'."
  fi
fi
if [ "$transport" != "Outbox" ]; then
  required="$required SendGrid__ApiKey"
fi
if [ "$(secret_state sendgrid-webhook-public-key)" = absent ]; then
  say "WARNING: sendgrid-webhook-public-key is not set in $vault; SendGrid's delivery events are refused until it is (docs/deploy.md, 'Event Webhook')." >&2
fi

# Refresh, then read the statuses; repeat until every required reference is Resolved or the attempts run out.
attempt=1
while :; do
  if ! az rest --method post --url "$site/config/configreferences/appsettings/refresh?$api" --output none 2>"$scratch/err"; then
    fail "App Service refused to refresh the Key Vault references of $AZURE_FUNCTION_APP_NAME ($(first_error)); rerun 'azd hooks run postprovision'."
  fi
  sleep "$pause"
  if ! az rest --method get --url "$site/config/configreferences/appsettings?$api" \
    --query "value[].[id, properties.secretName, properties.status]" --output tsv >"$scratch/refs" 2>"$scratch/err"; then
    fail "could not read the Key Vault reference statuses of $AZURE_FUNCTION_APP_NAME ($(first_error)); rerun 'azd hooks run postprovision'."
  fi
  pending=""
  for setting in $required; do
    # A reference's id ends in /appsettings/<setting name>.
    line=$(awk -F '\t' -v s="$setting" '{ n = split($1, p, "/"); if (p[n] == s) { print $2 "\t" $3; exit } }' "$scratch/refs")
    if [ -z "$line" ]; then
      pending="$setting (not listed by App Service yet)"
      break
    fi
    status=$(printf '%s' "$line" | cut -f2)
    if [ "$status" != "Resolved" ]; then
      pending="$setting (secret $(printf '%s' "$line" | cut -f1): $status)"
      break
    fi
  done
  if [ -z "$pending" ]; then
    say "every Key Vault reference the app needs is resolved ($required)."
    exit 0
  fi
  if [ "$attempt" -ge "$attempts" ]; then
    fail "App Service has not resolved $pending; the app refuses to start until it does. Check that the secret exists in $vault and that the app's identity holds 'Key Vault Secrets User' on it, then rerun 'azd hooks run postprovision' (docs/deploy.md, 'Key Vault references')."
  fi
  say "waiting for $pending (attempt $attempt of $attempts)…"
  attempt=$((attempt + 1))
done
