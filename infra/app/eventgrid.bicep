metadata description = 'The Event Grid system topic for blob events on the storage account, with its own identity allowed to write dead letters and nothing else. Its subscription to the blob trigger is the second deployment step (infra/eventgrid-subscription.bicep), because the webhook key exists only once the code is deployed.'

param name string
param location string
@description('Tags on every resource (name → value).')
param tags { *: string }
param storageAccountName string

@description('Container undeliverable upload events are written to; the topic\'s identity may write there and nowhere else.')
param deadLetterContainer string

var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' existing = {
  parent: storage
  name: 'default'
}

resource deadLetters 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = {
  parent: blobService
  name: deadLetterContainer
}

// A system-assigned identity: the topic's own, holding one role. System-assigned rather than user-assigned because
// Event Grid can deliver (and dead-letter) to a storage account behind a firewall only with the system-assigned
// identity and the trusted-services exception (Event Grid docs, "Storage queue as an event handler", note on
// firewalls), which is what vnetEnabled sets up.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Dead-lettering writes blobs: Storage Blob Data Contributor on the destination is what Event Grid documents
// ("Add managed identity to a role on Azure Event Grid destination": Azure Blob storage), scoped to the one container.
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetters.id, systemTopic.id, storageBlobDataContributor)
  scope: deadLetters
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

output name string = systemTopic.name
output principalId string = systemTopic.identity.principalId
