metadata description = 'Second deployment step, run by the azd postdeploy hook (infra/hooks/postdeploy.sh): subscribes the blob trigger\'s webhook to .docx uploads. It needs the blobs_extension system key, which exists only after the code is deployed.'

@description('Event Grid system topic on the storage account (main.bicep output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('Function app the webhook belongs to (AZURE_FUNCTION_APP_NAME).')
param functionAppName string

@description('The blob trigger function\'s name, exactly as in its [Function("…")] attribute. A wrong name is accepted silently and every event is dropped; tests/Infra.Tests checks it against functions.metadata.')
param blobTriggerFunctionName string = 'ProcessUpload'

@description('The function app\'s blobs_extension system key (az functionapp keys list … --query systemKeys.blobs_extension).')
@secure()
param blobsExtensionKey string

@description('Container the trigger watches.')
param uploadsContainer string = 'uploads'

@description('Name endings that reach the trigger: the release itself and its optional sidecar of lists and times (src/Pipeline/Uploads/UploadProcessor.cs). Anything else in uploads/ is ignored without waking the app.')
param uploadSuffixes string[] = [
  '.docx'
  '.json'
]

@description('Storage account the system topic belongs to; dead letters are written there.')
param storageAccountName string

@description('Container undeliverable events are written to.')
param deadLetterContainer string = 'eventgrid-deadletter'

@description('Delivery attempts before an event is dead-lettered.')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('Minutes Event Grid keeps retrying one event.')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource uploadsSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'blob-trigger-${toLower(blobTriggerFunctionName)}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The Functions host answers Event Grid's validation handshake on this endpoint itself.
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${blobTriggerFunctionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${uploadsContainer}/'
      isSubjectCaseSensitive: false
      // subjectEndsWith takes one ending; two need an advanced filter (string filters ignore case).
      advancedFilters: [
        {
          operatorType: 'StringEndsWith'
          key: 'subject'
          values: uploadSuffixes
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    // Shared keys are off on the account, so dead letters are written with the topic's own (system-assigned)
    // identity, which may write to the dead-letter container and nothing else (app/eventgrid.bicep).
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainer
        }
      }
    }
  }
}

output subscriptionName string = uploadsSubscription.name
