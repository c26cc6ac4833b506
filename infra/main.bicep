metadata description = 'PressPipeline in one resource group: Flex Consumption function app with a user-assigned identity, storage without keys, Key Vault, monitoring and alerts. Deployed by `azd up` at subscription scope (azd creates nothing itself: this file makes the resource group).'

targetScope = 'subscription'

@description('azd environment name; names and tags derive from it.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for every resource; must offer Flex Consumption.')
@minLength(1)
param location string

@description('Resource group to create or reuse; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person or pipeline running azd (AZURE_PRINCIPAL_ID); they get blob upload and Key Vault secret rights. Empty grants nothing.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

// ---- scale ----

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

// ---- storage and publishing ----

@description('true: published releases are served straight from the newsroom container (anonymous read of single blobs, no listing). false: no anonymous access anywhere; published pages must be served by the app or a CDN with its own identity. See docs/deploy.md.')
param publicNewsroom bool = false

@minValue(1)
param uploadsRetentionDays int = 30

// ---- Key Vault ----

param keyVaultPurgeProtection bool = false

@secure()
@description('SendGrid API key (Mail Send permission only). Empty leaves the vault secret as it is.')
param sendGridApiKey string = ''

@secure()
@description('SendGrid signed Event Webhook verification key (public, kept in the vault with the other SendGrid material). Empty leaves it as it is.')
param sendGridWebhookPublicKey string = ''

@secure()
@description('Secret that signs one-click unsubscribe tokens. Empty leaves it as it is.')
param unsubscribeSigningSecret string = ''

@secure()
@description('Secret that signs expiring links to embargoed content. Empty leaves it as it is.')
param linksSigningSecret string = ''

// ---- app configuration (non-secret) ----

@description('6-field NCRONTAB in UTC: how often due releases are looked for.')
param dispatchSchedule string = '0 */1 * * * *'

@description('E-mail address alerts go to; empty: alerts show in the portal only.')
param alertEmail string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'presspipeline'
}

var names = {
  resourceGroup: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  identity: 'id-${resourceToken}'
  storage: 'st${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
  systemTopic: 'evgt-${resourceToken}'
}

// Containers, queues and tables the code uses (docs/storage.md); the deployment package and Event Grid
// dead letters have containers of their own.
var containers = {
  uploads: 'uploads'
  releases: 'releases'
  newsroom: 'newsroom'
  contacts: 'contacts'
  outbox: 'outbox'
  state: 'state'
  deploymentPackage: 'deployment-package'
  eventGridDeadLetter: 'eventgrid-deadletter'
}
var queues = [
  'dispatch'
]
var tables = []

var secretNames = {
  sendGridApiKey: 'sendgrid-api-key'
  sendGridWebhookPublicKey: 'sendgrid-webhook-public-key'
  unsubscribeSigningSecret: 'unsubscribe-signing-secret'
  linksSigningSecret: 'links-signing-secret'
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    privateContainers: [
      containers.uploads
      containers.releases
      containers.contacts
      containers.outbox
      containers.state
      containers.deploymentPackage
      containers.eventGridDeadLetter
    ]
    newsroomContainer: containers.newsroom
    publicNewsroom: publicNewsroom
    queues: queues
    tables: tables
    uploadsContainer: containers.uploads
    uploadsRetentionDays: uploadsRetentionDays
    softDeleteRetentionDays: 7
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: 30
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: 7
    secretNames: secretNames
    sendGridApiKey: sendGridApiKey
    sendGridWebhookPublicKey: sendGridWebhookPublicKey
    unsubscribeSigningSecret: unsubscribeSigningSecret
    linksSigningSecret: linksSigningSecret
  }
}

module rbac 'app/rbac.bicep' = {
  scope: rg
  params: {
    // Names, not module outputs: they are known before deployment, so what-if can predict the assignments.
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
    identityName: names.identity
    identityPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
  dependsOn: [
    storage
    monitoring
    keyVault
  ]
}

var storageEndpoints = {
  blob: 'https://${names.storage}.blob.${environment().suffixes.storage}/'
  queue: 'https://${names.storage}.queue.${environment().suffixes.storage}/'
  table: 'https://${names.storage}.table.${environment().suffixes.storage}/'
}

// Every setting the code reads (src/Functions/local.settings.json.example), ':' written as '__'.
// Secrets are Key Vault references: the setting says where the secret lives, never what it is.
var appSettings = {
  PressStorage__credential: 'managedidentity'
  PressStorage__clientId: identity.outputs.clientId
  PressStorage__blobServiceUri: storageEndpoints.blob
  PressStorage__queueServiceUri: storageEndpoints.queue
  PressStorage__tableServiceUri: storageEndpoints.table
  Dispatch__Schedule: dispatchSchedule
  SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.sendGridApiKey})'
  SendGrid__WebhookPublicKey: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.sendGridWebhookPublicKey})'
  Unsubscribe__SigningSecret: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.unsubscribeSigningSecret})'
  Links__SigningSecret: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.linksSigningSecret})'
}

module functionApp 'app/functions.bicep' = {
  scope: rg
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    deploymentContainer: containers.deploymentPackage
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: appSettings
  }
  // The app starts reading storage and secrets as soon as it exists; give it its roles first.
  dependsOn: [
    storage
    rbac
  ]
}

module eventGrid 'app/eventgrid.bicep' = {
  scope: rg
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountName: names.storage
    identityId: identity.outputs.id
  }
  dependsOn: [
    storage
  ]
}

module alerts 'app/alerts.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    namePrefix: 'alert-${resourceToken}'
    alertEmail: alertEmail
  }
}

// azd stores these in the environment (.azure/<env>/.env); the postdeploy hook reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = subscription().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_ID string = identity.outputs.id
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output UPLOADS_CONTAINER string = containers.uploads
output EVENTGRID_DEADLETTER_CONTAINER string = containers.eventGridDeadLetter
output NEWSROOM_CONTAINER string = containers.newsroom
