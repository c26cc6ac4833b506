# azd postprovision hook, Windows edition (PowerShell 7). Does what postprovision.sh does, step for step, with the
# same az calls, the same checks and the same sentences; tests/Infra.Tests runs both against one fake az.
#
# 1. Creates links-signing-secret, unsubscribe-signing-secret and contacts-hash-key in Key Vault (48 random bytes,
#    through a private file) only when the vault answers SecretNotFound; any other answer stops without writing.
# 2. Requires sendgrid-api-key unless MAIL_TRANSPORT is Outbox; reports a missing sendgrid-webhook-public-key.
# 3. Refreshes the app's Key Vault references (POST .../config/configreferences/appsettings/refresh; a restart does
#    not re-read them) and waits until every one the app needs is Resolved (GET .../config/configreferences/appsettings,
#    properties.status), or stops with a sentence naming the one that is not.
# Every az call names the subscription (--subscription, or the resource id in the URL for az rest).
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Say([string] $Text) { Write-Output "postprovision: $Text" }
function Fail([string] $Text) { [Console]::Error.WriteLine("postprovision: $Text"); exit 1 }

foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_KEY_VAULT_NAME', 'AZURE_FUNCTION_APP_NAME') {
    if ([string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable($name))) {
        Fail "$name is not set; run 'azd provision' (or 'azd up') first so azd knows the deployed resources."
    }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { Fail "the Azure CLI (az) is needed; install it and run 'az login'." }

$subscription = $env:AZURE_SUBSCRIPTION_ID
$vault = $env:AZURE_KEY_VAULT_NAME
$transport = if ($env:MAIL_TRANSPORT) { $env:MAIL_TRANSPORT } else { 'SendGrid' }
$attempts = if ($env:PRESSPIPE_HOOK_ATTEMPTS) { [int]$env:PRESSPIPE_HOOK_ATTEMPTS } else { 20 }
$pause = if ($env:PRESSPIPE_HOOK_WAIT_SECONDS) { [double]$env:PRESSPIPE_HOOK_WAIT_SECONDS } else { 15 }
$api = 'api-version=2025-03-01'
$site = "/subscriptions/$subscription/resourceGroups/$($env:AZURE_RESOURCE_GROUP)/providers/Microsoft.Web/sites/$($env:AZURE_FUNCTION_APP_NAME)"

# A folder only this user can read: the generated value is handed to az as a file, never on a command line.
$scratch = Join-Path ([IO.Path]::GetTempPath()) ("postprovision-" + [Guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $scratch
if (-not $IsWindows) { chmod 700 $scratch }
$errors = Join-Path $scratch 'err'

function FirstError {
    $line = Get-Content -LiteralPath $errors -ErrorAction SilentlyContinue | Where-Object { $_ -match '\S' } | Select-Object -First 1
    if ($line) { $line.Trim() } else { '' }
}

# "present", "absent" (the vault answered SecretNotFound), or the hook stops on any other answer.
function SecretState([string] $Secret) {
    $null = & az keyvault secret show --subscription $subscription --vault-name $vault --name $Secret --query id --output tsv 2> $errors
    if ($LASTEXITCODE -eq 0) { return 'present' }
    if (Select-String -LiteralPath $errors -Pattern 'SecretNotFound' -SimpleMatch -Quiet) { return 'absent' }
    Fail "could not tell whether $Secret exists in $vault ($(FirstError)); nothing was written. Fix that (a role still applying, a throttled vault: wait a minute) and rerun 'azd hooks run postprovision'."
}

try {
    # The deployer's Key Vault role was just granted; role assignments can take a few minutes to apply.
    $attempt = 1
    while ($true) {
        & az keyvault secret list --subscription $subscription --vault-name $vault --maxresults 1 --output none 2> $errors
        if ($LASTEXITCODE -eq 0) { break }
        if ($attempt -ge $attempts) {
            Fail "cannot read secrets in $vault ($(FirstError)). Check that you hold 'Key Vault Secrets Officer' on it (main.bicep grants it to AZURE_PRINCIPAL_ID) and, with VNET_ENABLED=true, that this machine's public address is in OPERATOR_IP_ADDRESSES or that it runs inside the virtual network."
        }
        Say "waiting for Key Vault access to apply (attempt $attempt of $attempts)…"
        Start-Sleep -Seconds $pause
        $attempt++
    }

    foreach ($secret in 'links-signing-secret', 'unsubscribe-signing-secret', 'contacts-hash-key') {
        if ((SecretState $secret) -eq 'present') {
            Say "$secret already set; left as it is."
            continue
        }
        $value = Join-Path $scratch 'value'
        [IO.File]::WriteAllText($value, [Convert]::ToBase64String([Security.Cryptography.RandomNumberGenerator]::GetBytes(48)))
        & az keyvault secret set --subscription $subscription --vault-name $vault --name $secret `
            --file $value --encoding utf-8 --content-type text/plain --output none --only-show-errors 2> $errors
        $created = $LASTEXITCODE -eq 0
        Remove-Item -LiteralPath $value -Force
        if (-not $created) {
            if (Select-String -LiteralPath $errors -Pattern 'ObjectIsDeletedButRecoverable' -SimpleMatch -Quiet) {
                Fail "$secret was deleted but can still be recovered; recover it rather than make a new one (a new contacts-hash-key forgets every unsubscribe): az keyvault secret recover --subscription $subscription --vault-name $vault --name $secret, then rerun 'azd hooks run postprovision'."
            }
            Fail "could not create $secret in $vault ($(FirstError)); rerun 'azd hooks run postprovision' once that is fixed."
        }
        Say "generated $secret."
    }

    $required = @('Links__SigningSecret', 'Unsubscribe__SigningSecret', 'Contacts__HashKey')
    if ((SecretState 'sendgrid-api-key') -eq 'absent') {
        if ($transport -eq 'Outbox') {
            Say "sendgrid-api-key is not set; MAIL_TRANSPORT is Outbox, so every message goes to the outbox container on purpose."
        }
        else {
            Fail "sendgrid-api-key is not in $vault and SendGrid is the transport, so the app would refuse to start. Put the key in the vault (docs/deploy.md, 'SendGrid') and rerun 'azd hooks run postprovision', or keep mail in the outbox on purpose with 'azd env set MAIL_TRANSPORT Outbox' and 'azd provision'."
        }
    }
    if ($transport -ne 'Outbox') { $required += 'SendGrid__ApiKey' }
    if ((SecretState 'sendgrid-webhook-public-key') -eq 'absent') {
        [Console]::Error.WriteLine("postprovision: WARNING: sendgrid-webhook-public-key is not set in $vault; SendGrid's delivery events are refused until it is (docs/deploy.md, 'Event Webhook').")
    }

    # Refresh, then read the statuses; repeat until every required reference is Resolved or the attempts run out.
    $attempt = 1
    while ($true) {
        & az rest --method post --url "$site/config/configreferences/appsettings/refresh?$api" --output none 2> $errors
        if ($LASTEXITCODE -ne 0) {
            Fail "App Service refused to refresh the Key Vault references of $($env:AZURE_FUNCTION_APP_NAME) ($(FirstError)); rerun 'azd hooks run postprovision'."
        }
        Start-Sleep -Seconds $pause
        $references = & az rest --method get --url "$site/config/configreferences/appsettings?$api" `
            --query "value[].[id, properties.secretName, properties.status]" --output tsv 2> $errors
        if ($LASTEXITCODE -ne 0) {
            Fail "could not read the Key Vault reference statuses of $($env:AZURE_FUNCTION_APP_NAME) ($(FirstError)); rerun 'azd hooks run postprovision'."
        }
        $pending = ''
        foreach ($setting in $required) {
            # A reference's id ends in /appsettings/<setting name>.
            $fields = @($references) | ForEach-Object { , ($_ -split "`t") } | Where-Object { ($_[0] -split '/')[-1] -eq $setting } | Select-Object -First 1
            if (-not $fields) { $pending = "$setting (not listed by App Service yet)"; break }
            if ($fields[2] -ne 'Resolved') { $pending = "$setting (secret $($fields[1]): $($fields[2]))"; break }
        }
        if (-not $pending) {
            Say "every Key Vault reference the app needs is resolved ($($required -join ' '))."
            exit 0
        }
        if ($attempt -ge $attempts) {
            Fail "App Service has not resolved $pending; the app refuses to start until it does. Check that the secret exists in $vault and that the app's identity holds 'Key Vault Secrets User' on it, then rerun 'azd hooks run postprovision' (docs/deploy.md, 'Key Vault references')."
        }
        Say "waiting for $pending (attempt $attempt of $attempts)…"
        $attempt++
    }
}
finally {
    Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
}
