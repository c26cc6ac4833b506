# azd postdeploy hook, Windows edition (PowerShell 7): the second deployment step, exactly as postdeploy.sh does it
# (docs/deploy.md, "What the second step does"); tests/Infra.Tests runs both against one fake az.
# The blob trigger on Flex Consumption is fed by an Event Grid subscription to the app's blobs webhook, which needs
# the blobs_extension system key; the host creates it only once the deployed code has started. Every az call names
# the subscription.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Fail([string] $Text) { [Console]::Error.WriteLine("postdeploy: $Text"); exit 1 }

foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME',
    'AZURE_STORAGE_ACCOUNT_NAME', 'UPLOADS_CONTAINER', 'EVENTGRID_DEADLETTER_CONTAINER') {
    if ([string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable($name))) {
        Fail "$name is not set. Run 'azd provision' (or 'azd up') first so azd knows the deployed resources."
    }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Fail "the Azure CLI (az) is needed to read the webhook key. Install it, run 'az login', then 'azd hooks run postdeploy'."
}

$subscription = $env:AZURE_SUBSCRIPTION_ID
$app = $env:AZURE_FUNCTION_APP_NAME
$attempts = if ($env:PRESSPIPE_HOOK_ATTEMPTS) { [int]$env:PRESSPIPE_HOOK_ATTEMPTS } else { 20 }
$pause = if ($env:PRESSPIPE_HOOK_WAIT_SECONDS) { [double]$env:PRESSPIPE_HOOK_WAIT_SECONDS } else { 15 }

# The host writes the key shortly after its first start; wait for it, but not forever.
$key = ''
for ($attempt = 1; $attempt -le $attempts; $attempt++) {
    $key = & az functionapp keys list --subscription $subscription --resource-group $env:AZURE_RESOURCE_GROUP --name $app `
        --query "systemKeys.blobs_extension" --output tsv 2> $null
    if ($LASTEXITCODE -ne 0 -or $null -eq $key) { $key = '' }
    $key = "$key".Trim()
    if ($key) { break }
    Write-Output "postdeploy: waiting for the blobs_extension key of $app (attempt $attempt of $attempts)…"
    Start-Sleep -Seconds $pause
}
if (-not $key) {
    Fail "$app has no blobs_extension key. Check that the app started (docs/deploy.md, 'Logs and alerts') and rerun 'azd hooks run postdeploy'."
}

# The key goes to az in a parameters file readable only by us, never on a command line other users can see.
$params = Join-Path ([IO.Path]::GetTempPath()) ("postdeploy-" + [Guid]::NewGuid().ToString('N') + '.json')
try {
    $null = New-Item -ItemType File -Path $params
    if (-not $IsWindows) { chmod 600 $params }
    Set-Content -LiteralPath $params -Value (@{ blobsExtensionKey = @{ value = $key } } | ConvertTo-Json -Compress) -NoNewline

    $template = Join-Path $PSScriptRoot '..' 'eventgrid-subscription.bicep'
    $parameters = @(
        "systemTopicName=$($env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME)",
        "functionAppName=$app",
        "storageAccountName=$($env:AZURE_STORAGE_ACCOUNT_NAME)",
        "uploadsContainer=$($env:UPLOADS_CONTAINER)",
        "deadLetterContainer=$($env:EVENTGRID_DEADLETTER_CONTAINER)"
    )
    # Only for a deliberate override; the default in eventgrid-subscription.bicep is checked against the code by CI.
    if ($env:BLOB_TRIGGER_FUNCTION_NAME) { $parameters += "blobTriggerFunctionName=$($env:BLOB_TRIGGER_FUNCTION_NAME)" }

    & az deployment group create `
        --subscription $subscription `
        --resource-group $env:AZURE_RESOURCE_GROUP `
        --name "presspipeline-eventgrid-subscription" `
        --template-file $template `
        --parameters "@$params" `
        --parameters @parameters `
        --only-show-errors --output none
    if ($LASTEXITCODE -ne 0) { Fail "the Event Grid subscription was not deployed (see the error above); rerun 'azd hooks run postdeploy'." }
}
finally {
    Remove-Item -LiteralPath $params -Force -ErrorAction SilentlyContinue
}

Write-Output "postdeploy: .docx uploads to '$($env:UPLOADS_CONTAINER)' now reach the blob trigger of $app."
