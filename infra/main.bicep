metadata description = 'PressPipeline in one resource group: Flex Consumption function app with a user-assigned identity, storage without keys, Key Vault, monitoring and alerts. Deployed by `azd up` at subscription scope (azd creates nothing itself: this file makes the resource group).'

targetScope = 'subscription'

@description('azd environment name; names and tags derive from it.')
@minLength(1)
@maxLength(64)
param environmentName string

// Regions offering Flex Consumption. Microsoft publishes no fixed list (the docs send you to
// `az functionapp list-flexconsumption-locations`); this is the list Microsoft keeps in its own azd template,
// Azure-Samples/functions-quickstart-dotnet-azd infra/main.bicep (list updated 2025-05-05, unchanged at that
// repository's newest commit of 2026-02-24), read on 2026-12-06, less eastus2euap (an early-access canary region
// ordinary subscriptions cannot deploy to). A region added later is refused here until it is added to this list;
// check with the CLI first (docs/deploy.md, "Parameters").
@description('Azure region for every resource; one that offers Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
param location string

@description('Owner tag on every resource: who to ask about this environment (a team or address).')
param owner string = ''

@description('Cost-centre tag on every resource, for the organisation\'s billing.')
param costCentre string = ''

@description('Client id of the Entra ID app registration for staff sign-in (App Service Authentication); empty keeps authentication off. docs/deploy.md, "Staff sign-in".')
param authClientId string = ''

@description('Tenant of that app registration; empty: the subscription\'s tenant.')
param authTenantId string = ''

@description('Days Log Analytics keeps logs (30-730).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Resource group to create or reuse; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person or pipeline running azd (AZURE_PRINCIPAL_ID): Key Vault Secrets Officer (the postprovision hook creates secrets), and for a person also upload rights on the uploads container. Empty grants nothing.')
param principalId string = ''

@description('User for a person at the keyboard, ServicePrincipal for a pipeline (which gets no upload rights).')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Object id of the operators (an Entra group, or one person) who upload releases and rotate secrets when a pipeline deploys (OPERATOR_PRINCIPAL_ID); empty: none. Keeps the pipeline\'s identity apart from the operators\'.')
param operatorPrincipalId string = ''

@allowed([
  'User'
  'Group'
])
param operatorPrincipalType string = 'Group'

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

// ---- network and resilience ----

@description('Private networking: the function app sends its outbound traffic through a delegated subnet, storage (blob, queue, table) and Key Vault are reached through private endpoints, and their public network access is off (except for operatorIpAddresses). Needs publicNewsroom=false. docs/deploy.md, "Private networking".')
param vnetEnabled bool = false

@description('Address space of the virtual network when vnetEnabled; its first two /24 blocks become the app subnet and the private endpoint subnet. Choose one that does not overlap a network you will peer with.')
param vnetAddressSpace string = '10.20.0.0/16'

@description('With vnetEnabled: public IPv4 addresses or ranges (comma-separated, e.g. 203.0.113.7,198.51.100.0/24) still allowed to reach storage and Key Vault, such as the operator machine that runs azd and its hooks. Empty: public network access is off altogether.')
param operatorIpAddresses string = ''

@description('Zone redundancy: zone-redundant storage (Standard_ZRS) and a zone-redundant Flex Consumption plan. Only in regions that offer it for Flex Consumption (az functionapp list-flexconsumption-locations --zone-redundant=true); see docs/deploy.md for what it costs.')
param zoneRedundant bool = false

// ---- storage and publishing ----

@description('true (the pipeline\'s design, docs/storage.md): at the publish time the web page, PDF and images are copied into the newsroom container, whose blobs anyone can read by URL (no listing). false: no anonymous access anywhere; the newsroom must then be served by a front end with its own identity, named in publicBaseUrl. See docs/deploy.md.')
param publicNewsroom bool = true

@description('Public address of the newsroom (a CDN or custom domain in front of the container); empty: the container\'s own blob URL.')
param publicBaseUrl string = ''

@description('Public address of the function app (custom domain or front door) used in signed links and unsubscribe links; empty: https://<app>.azurewebsites.net.')
param publicAppUrl string = ''

@minValue(1)
param uploadsRetentionDays int = 30

@description('Days a deleted or overwritten blob (a release, a media list, an export) can be restored: soft delete and previous versions.')
@minValue(7)
@maxValue(365)
param blobRetentionDays int = 30

@description('Days the daily exports of the suppression and ledger tables are kept.')
@minValue(7)
param exportRetentionDays int = 90

@description('6-field NCRONTAB in UTC: when the suppression and ledger tables are exported to the table-exports container.')
param exportSchedule string = '0 30 2 * * *'

@description('Production: a CanNotDelete lock on the storage account and the Key Vault, so neither can be deleted (nor the resource group) until the lock is removed on purpose. azd down fails while they exist.')
param deleteLocks bool = false

// ---- Key Vault ----

@description('On by default: a deleted vault or secret cannot be purged before its 90-day retention ends. Off only for throwaway environments (KEY_VAULT_PURGE_PROTECTION=false), and only when the vault is first created: it cannot be switched off later.')
param keyVaultPurgeProtection bool = true

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

@secure()
@description('Key of the hash that stands for an e-mail address in keys, logs and custom_args. Set once; suppressions are stored under it. Empty leaves it as it is.')
param contactsHashKey string = ''

// ---- app configuration (non-secret) ----

@description('6-field NCRONTAB in UTC: how often due releases are looked for.')
param dispatchSchedule string = '0 */1 * * * *'

@description('Where e-mail goes. SendGrid (default): the app refuses to start until the sendgrid-api-key secret resolves. Outbox: every message is written to the outbox container instead, on purpose (a trial environment); a missing key never chooses it.')
@allowed([
  'SendGrid'
  'Outbox'
])
param mailTransport string = 'SendGrid'

@description('Sender address of the release e-mails; its domain must be authenticated in SendGrid (SPF/DKIM/DMARC).')
@minLength(3)
param mailFromAddress string

@description('Sender name; empty: the organisation named in the release.')
param mailFromName string = ''

@description('Reply-to address when a release names no media contact; empty: none.')
param mailReplyTo string = ''

@description('The sender\'s postal address, printed in every e-mail footer (CAN-SPAM).')
@minLength(3)
param mailPostalAddress string

@description('Staff addresses for test sends, comma- or semicolon-separated.')
param mailTestRecipients string = ''

@description('Organisation name used when a release names none.')
param organisation string = ''

@description('IANA zone used when neither the staff nor the document names one, e.g. Asia/Almaty.')
param defaultTimeZone string = 'UTC'

@description('Minutes between two runs of dispatchSchedule; the dispatch alert fires after three periods without a run.')
@minValue(1)
param dispatchPeriodMinutes int = 1

@description('E-mail address alerts go to; empty: alerts show in the portal only.')
param alertEmail string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = union(
  {
    'azd-env-name': environmentName
    application: 'presspipeline'
  },
  empty(owner) ? {} : { owner: owner },
  empty(costCentre) ? {} : { 'cost-centre': costCentre }
)

// Routes that must answer without sign-in: one-click unsubscribe (RFC 8058: a POST with no other step), signed file
// links for journalists (src/Pipeline/Links: /api/files/{id}/{grant}/{file}), SendGrid's signed event webhook, and
// the blob trigger's Event Grid webhook (guarded by the blobs_extension key). A route renamed in the code must be
// renamed here; tests/Infra.Tests checks them against functions.metadata.
var anonymousPaths = [
  '/api/unsubscribe'
  '/api/files/*'
  '/api/sendgrid/events'
  '/runtime/webhooks/blobs'
]

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
  vnet: 'vnet-${resourceToken}'
  networkSecurityGroup: 'nsg-${resourceToken}'
  appSubnet: 'snet-app'
  privateEndpointSubnet: 'snet-private-endpoints'
}

// Storage and Key Vault take the same network rules: open (no VNet), or private endpoints only with the listed
// operator addresses let through the firewall. Azure's trusted services (Event Grid writing dead letters with its
// system-assigned identity) pass the firewall either way.
var allowedIpAddresses = filter(
  map(split(operatorIpAddresses, ','), address => trim(address)),
  address => !empty(address)
)
var networkAccess = {
  private: vnetEnabled
  allowedIpAddresses: vnetEnabled ? allowedIpAddresses : []
}

// Behind private endpoints nobody on the internet can read the newsroom container, so a public newsroom and a private
// network contradict each other: the deployment stops with this sentence instead of publishing links that never open.
var newsroomIsPublic = vnetEnabled && publicNewsroom
  ? fail('vnetEnabled needs publicNewsroom=false (PUBLIC_NEWSROOM=false) and a front end for the newsroom in PUBLIC_BASE_URL: behind private endpoints the public cannot read the newsroom container')
  : publicNewsroom

// Containers, queues and tables the code uses (docs/storage.md, src/Pipeline/PipelineOptions.cs,
// src/Distribution/DistributionOptions.cs). The app settings below hand the same names to the code, so a rename here
// reaches both. The deployment package and Event Grid dead letters have containers of their own.
var containers = {
  uploads: 'uploads'
  releases: 'releases'
  newsroom: 'newsroom'
  schedule: 'schedule'
  contacts: 'contacts'
  outbox: 'outbox'
  deploymentPackage: 'deployment-package'
  eventGridDeadLetter: 'eventgrid-deadletter'
  tableExports: 'table-exports'
}
var workQueue = 'release-work'
var tables = {
  ledger: 'sendledger'
  events: 'sendgridevents'
  recipientStatus: 'recipientstatus'
  suppressions: 'suppressions'
}

var secretNames = {
  sendGridApiKey: 'sendgrid-api-key'
  sendGridWebhookPublicKey: 'sendgrid-webhook-public-key'
  unsubscribeSigningSecret: 'unsubscribe-signing-secret'
  linksSigningSecret: 'links-signing-secret'
  contactsHashKey: 'contacts-hash-key'
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
      containers.schedule
      containers.contacts
      containers.outbox
      containers.deploymentPackage
      containers.eventGridDeadLetter
      containers.tableExports
    ]
    // Containers whose blobs cannot be made again: their previous versions are kept for blobRetentionDays; other
    // containers' previous versions are pruned after a day (the schedule index changes every minute).
    versionedContainers: [
      containers.releases
      containers.contacts
      containers.tableExports
    ]
    exportsContainer: containers.tableExports
    exportRetentionDays: exportRetentionDays
    deleteLock: deleteLocks
    newsroomContainer: containers.newsroom
    publicNewsroom: newsroomIsPublic
    zoneRedundant: zoneRedundant
    networkAccess: networkAccess
    queues: [
      workQueue
    ]
    tables: [
      tables.ledger
      tables.events
      tables.recipientStatus
      tables.suppressions
    ]
    uploadsContainer: containers.uploads
    uploadsRetentionDays: uploadsRetentionDays
    softDeleteRetentionDays: blobRetentionDays
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    // The longest Key Vault allows: a secret deleted by mistake (the contacts hash key) can be recovered for 90 days.
    softDeleteRetentionInDays: 90
    deleteLock: deleteLocks
    networkAccess: networkAccess
    secretNames: secretNames
    sendGridApiKey: sendGridApiKey
    sendGridWebhookPublicKey: sendGridWebhookPublicKey
    unsubscribeSigningSecret: unsubscribeSigningSecret
    linksSigningSecret: linksSigningSecret
    contactsHashKey: contactsHashKey
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
    uploadsContainer: containers.uploads
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
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
var appUrl = empty(publicAppUrl) ? 'https://${names.functionApp}.azurewebsites.net' : publicAppUrl
var newsroomUrl = empty(publicBaseUrl) ? '${storageEndpoints.blob}${containers.newsroom}' : publicBaseUrl

// Every setting the code reads, as listed in src/Functions/local.settings.json.example (':' written '__');
// tests/Infra.Tests checks the two lists against each other and against functions.metadata.
// Secrets are Key Vault references: the setting says where the secret lives, never what it is; the app resolves
// them with its identity (Key Vault Secrets User).
var appSettings = {
  // Connection "PressStorage" for triggers and clients: identity-based, no keys.
  PressStorage__credential: 'managedidentity'
  PressStorage__clientId: identity.outputs.clientId
  PressStorage__blobServiceUri: storageEndpoints.blob
  PressStorage__queueServiceUri: storageEndpoints.queue
  PressStorage__tableServiceUri: storageEndpoints.table

  Dispatch__Schedule: dispatchSchedule
  Export__Schedule: exportSchedule
  Export__Container: containers.tableExports

  Pipeline__UploadsContainer: containers.uploads
  Pipeline__ReleasesContainer: containers.releases
  Pipeline__NewsroomContainer: containers.newsroom
  Pipeline__ScheduleContainer: containers.schedule
  Pipeline__WorkQueue: workQueue
  // Mirrors extensions.queues.maxDequeueCount in host.json.
  Pipeline__MaxDequeueCount: '5'
  Pipeline__DefaultTimeZone: defaultTimeZone
  Pipeline__Organisation: organisation
  Pipeline__PublicBaseUrl: newsroomUrl
  // The console's kept PDF layouts share the instance with conversions: a sixteenth of its memory (128 MB of the
  // default 2,048, 32 of 512, 256 of 4,096; docs/console.md "PDF pages as images").
  Pipeline__PdfPreviewCacheMegabytes: string(instanceMemoryMB / 16)
  // What staff may send (docs/operations.md, "Upload limits"): a Word document 50 MB, a media list 20 MB. The
  // Functions host refuses any request over 100 MB before the app sees it, so keep every limit at or below that.
  Pipeline__MaxUploadBytes: '52428800'
  Pipeline__MaxListBytes: '20971520'

  // Files that go with a release (docs/assets.md): 25 MB per file, 100 MB per release.
  Assets__MaxAssetBytes: '26214400'
  Assets__MaxReleaseBytes: '104857600'

  Links__BaseUrl: appUrl
  Links__SigningSecret: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.linksSigningSecret})'

  // The staff console's pages live under the Functions route prefix (docs/console.md); sign-in protects them.
  StaffConsole__BasePath: '/api/console'

  Mail__FromAddress: mailFromAddress
  Mail__FromName: mailFromName
  Mail__ReplyTo: mailReplyTo
  Mail__PostalAddress: mailPostalAddress
  Mail__TestRecipients: mailTestRecipients
  Mail__MaxAttachmentBytes: '5242880'
  Mail__OutboxContainer: containers.outbox
  Mail__Transport: mailTransport

  SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.sendGridApiKey})'
  SendGrid__WebhookPublicKey: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.sendGridWebhookPublicKey})'
  SendGrid__WebhookToleranceSeconds: '300'
  SendGrid__Host: 'https://api.sendgrid.com'
  // At most 1,000 personalizations per request (SendGrid's limit).
  SendGrid__BatchSize: '1000'
  SendGrid__AttemptTimeoutSeconds: '30'
  SendGrid__MaxRetries: '4'
  SendGrid__RetryBaseDelaySeconds: '2'
  SendGrid__MaxRateLimitWaitSeconds: '60'
  SendGrid__SandboxCheck: 'true'
  SendGrid__LedgerTable: tables.ledger
  SendGrid__EventTable: tables.events
  SendGrid__StatusTable: tables.recipientStatus

  Unsubscribe__BaseUrl: '${appUrl}/api/unsubscribe'
  Unsubscribe__SigningSecret: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.unsubscribeSigningSecret})'

  Contacts__Container: containers.contacts
  Contacts__SuppressionTable: tables.suppressions
  Contacts__HashKey: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${secretNames.contactsHashKey})'
}

module network 'app/network.bicep' = if (vnetEnabled) {
  scope: rg
  params: {
    vnetName: names.vnet
    nsgName: names.networkSecurityGroup
    location: location
    tags: tags
    addressSpace: vnetAddressSpace
    appSubnetName: names.appSubnet
    privateEndpointSubnetName: names.privateEndpointSubnet
    storageAccountName: names.storage
    keyVaultName: names.keyVault
  }
  dependsOn: [
    storage
    keyVault
  ]
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
    authClientId: authClientId
    authTenantId: empty(authTenantId) ? subscription().tenantId : authTenantId
    anonymousPaths: anonymousPaths
    zoneRedundant: zoneRedundant
    // Built from names, not the module's output, so what-if can show it.
    virtualNetworkSubnetId: vnetEnabled
      ? resourceId(
          subscription().subscriptionId,
          names.resourceGroup,
          'Microsoft.Network/virtualNetworks/subnets',
          names.vnet,
          names.appSubnet
        )
      : ''
  }
  // The app starts reading storage and secrets as soon as it exists; give it its roles (and, with vnetEnabled, its
  // private endpoints) first.
  dependsOn: [
    storage
    rbac
    network
  ]
}

module eventGrid 'app/eventgrid.bicep' = {
  scope: rg
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountName: names.storage
    deadLetterContainer: containers.eventGridDeadLetter
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
    systemTopicName: names.systemTopic
    logAnalyticsId: monitoring.outputs.logAnalyticsId
    dispatchPeriodMinutes: dispatchPeriodMinutes
    http5xxPercent: 5
  }
  dependsOn: [
    eventGrid
  ]
}

module diagnostics 'app/diagnostics.bicep' = {
  scope: rg
  params: {
    logAnalyticsId: monitoring.outputs.logAnalyticsId
    // Names, not module outputs, so what-if can predict the settings.
    functionAppName: names.functionApp
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    systemTopicName: names.systemTopic
  }
  dependsOn: [
    storage
    functionApp
    keyVault
    eventGrid
  ]
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
output NEWSROOM_URL string = newsroomUrl
// The postprovision hook requires the SendGrid key's reference to resolve only when SendGrid is the transport.
output MAIL_TRANSPORT string = mailTransport
