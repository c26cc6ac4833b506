#!/bin/sh
# azd postprovision hook: make sure the secrets the app signs and hashes with exist in Key Vault.
# An app setting that references a missing secret resolves to the reference text itself, and a signing key anyone
# can read would let them forge links to embargoed releases. So each generated secret below is created once, with
# 48 random bytes made on this machine and handed to Key Vault through a private file; an existing secret is never
# overwritten (rotation is deliberate: docs/deploy.md, "Rotating secrets"). The SendGrid key and webhook
# verification key come from SendGrid, so they are only checked and reported.
set -eu

if [ -z "${AZURE_KEY_VAULT_NAME:-}" ]; then
  echo "postprovision: AZURE_KEY_VAULT_NAME is not set; run 'azd provision' first." >&2
  exit 1
fi
command -v az >/dev/null 2>&1 || { echo "postprovision: the Azure CLI (az) is needed; install it and run 'az login'." >&2; exit 1; }
command -v openssl >/dev/null 2>&1 || { echo "postprovision: openssl is needed to generate secrets." >&2; exit 1; }

vault="$AZURE_KEY_VAULT_NAME"
umask 077
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM

exists() {
  az keyvault secret show --vault-name "$vault" --name "$1" --query id --output tsv >/dev/null 2>&1
}

# The deployer's Key Vault role was just granted; role assignments can take a few minutes to apply.
attempt=1
until az keyvault secret list --vault-name "$vault" --maxresults 1 --output none 2>/dev/null; do
  if [ "$attempt" -ge 20 ]; then
    echo "postprovision: cannot read secrets in $vault. Check that you hold 'Key Vault Secrets Officer' on it (main.bicep grants it to AZURE_PRINCIPAL_ID)." >&2
    exit 1
  fi
  echo "postprovision: waiting for Key Vault access to apply (attempt $attempt of 20)…"
  sleep 15
  attempt=$((attempt + 1))
done

for secret in links-signing-secret unsubscribe-signing-secret contacts-hash-key; do
  if exists "$secret"; then
    echo "postprovision: $secret already set; left as it is."
  else
    openssl rand -base64 48 | tr -d '\n' >"$scratch/value"
    az keyvault secret set --vault-name "$vault" --name "$secret" --file "$scratch/value" --encoding utf-8 \
      --content-type text/plain --output none --only-show-errors
    rm -f "$scratch/value"
    echo "postprovision: generated $secret."
  fi
done

for secret in sendgrid-api-key sendgrid-webhook-public-key; do
  if ! exists "$secret"; then
    echo "postprovision: WARNING: $secret is not set in $vault. The app cannot send through SendGrid or verify its webhook until it is: docs/deploy.md, 'SendGrid'." >&2
  fi
done
