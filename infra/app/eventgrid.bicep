metadata description = 'The Event Grid system topic for blob events on the storage account. Its subscription to the blob trigger is the second deployment step (infra/eventgrid-subscription.bicep), because the webhook key exists only once the code is deployed.'

param name string
param location string
param tags object
param storageAccountName string

@description('Identity the topic dead-letters undeliverable events with (it has Blob Data Owner on the account).')
param identityId string

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
