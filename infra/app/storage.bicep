metadata description = 'The storage account the app and its host use: identity-only access (no shared keys), TLS 1.2, HTTPS only; containers, queues, tables and the upload lifecycle rule.'

param name string
param location string
@description('Tags on every resource (name → value).')
param tags { *: string }

@description('Private blob containers.')
param privateContainers string[]

@description('The container published releases are served from. Readable anonymously (blobs only, no listing) when publicNewsroom is true.')
param newsroomContainer string

@description('Anonymous read of blobs in the newsroom container only; every other container stays private.')
param publicNewsroom bool

@description('Queues the app reads and writes (poison queues are created by the Functions host).')
param queues string[]

@description('Tables the app reads and writes.')
param tables string[]

@description('The container staff upload .docx files to; the lifecycle rule deletes old uploads there.')
param uploadsContainer string

@description('Uploads older than this many days are deleted; the converted release is kept.')
@minValue(1)
param uploadsRetentionDays int

@description('Days deleted blobs and containers can be restored; previous versions in versionedContainers are kept as long.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

@description('Containers whose previous blob versions are kept for softDeleteRetentionDays (releases, media lists, exports); elsewhere they are pruned after a day.')
param versionedContainers string[]

@description('The container the daily table exports go to; exports older than exportRetentionDays are deleted.')
param exportsContainer string

@minValue(1)
param exportRetentionDays int

@description('A CanNotDelete lock on the account (production).')
param deleteLock bool

@description('Standard_ZRS (three copies in three availability zones) instead of Standard_LRS (three copies in one datacentre).')
param zoneRedundant bool

@description('private: reachable only through private endpoints (infra/app/network.bicep), except from allowedIpAddresses.')
param networkAccess {
  private: bool
  allowedIpAddresses: string[]
}

// Containers with high churn whose old versions are worth nothing once replaced.
var prunedContainers = filter(
  concat(privateContainers, [newsroomContainer]),
  container => !contains(versionedContainers, container)
)

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: zoneRedundant ? 'Standard_ZRS' : 'Standard_LRS'
  }
  properties: {
    // Everything authenticates with Entra ID (managed identity, az login); account keys are never used.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: publicNewsroom
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
    // Private: no public access at all, or (when operator addresses are listed) only from those addresses. Either
    // way Azure's trusted services keep their exception: Event Grid writes dead letters with its system-assigned
    // identity, which Event Grid documents as the only identity that passes a storage firewall.
    publicNetworkAccess: networkAccess.private && empty(networkAccess.allowedIpAddresses) ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: networkAccess.private ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
      ipRules: map(networkAccess.allowedIpAddresses, address => {
        value: address
        action: 'Allow'
      })
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Every overwrite keeps the previous version (account-wide; the lifecycle rules below decide how long).
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = [
  for container in privateContainers: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource newsroom 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: newsroomContainer
  properties: {
    // 'Blob' lets anyone read a blob whose URL they know, never list the container.
    publicAccess: publicNewsroom ? 'Blob' : 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource queueResources 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource tableResources 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-uploads'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${uploadsContainer}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: uploadsRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'keep-versions-of-releases-contacts-exports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [for container in versionedContainers: '${container}/']
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: softDeleteRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'prune-versions-elsewhere'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [for container in prunedContainers: '${container}/']
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: 1
                }
              }
            }
          }
        }
        {
          name: 'delete-old-exports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${exportsContainer}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: exportRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// Deleting the account would take releases, media lists, suppressions, the ledger and the exports with it.
resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'do-not-delete'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds releases, media lists, suppressions and the send ledger. Remove this lock on purpose first (docs/deploy.md, "Tear-down").'
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
