metadata description = 'The Key Vault holding the app\'s secrets (RBAC only). A secret is written only when its value is passed; otherwise it is left as it is, so rotating in the vault is never undone by a redeploy.'

param name string
param location string
@description('Tags on every resource (name → value).')
param tags { *: string }

@description('Purge protection cannot be switched off again; with it, `azd down --purge` cannot remove the vault until the retention ends. Turn it on for production.')
param enablePurgeProtection bool

@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('A CanNotDelete lock on the vault (production).')
param deleteLock bool

@description('private: reachable only through its private endpoint (infra/app/network.bicep), except from allowedIpAddresses.')
param networkAccess {
  private: bool
  allowedIpAddresses: string[]
}

@description('Secret names in the vault, by role.')
param secretNames {
  sendGridApiKey: string
  sendGridWebhookPublicKey: string
  unsubscribeSigningSecret: string
  linksSigningSecret: string
  contactsHashKey: string
}

@secure()
param sendGridApiKey string

@secure()
param sendGridWebhookPublicKey string

@secure()
param unsubscribeSigningSecret string

@secure()
param linksSigningSecret string

@secure()
param contactsHashKey string

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access through Azure RBAC only (Key Vault Secrets User for the app); no access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service rejects an explicit false, so "off" is expressed by leaving the property out.
    enablePurgeProtection: enablePurgeProtection ? true : null
    // Secrets written by this template travel through Azure Resource Manager, not the vault's data plane, so they are
    // written whatever the network rules; the postprovision hook reads and creates secrets on the data plane and so
    // needs an allowed address or a machine inside the network (docs/deploy.md, "Private networking").
    publicNetworkAccess: networkAccess.private && empty(networkAccess.allowedIpAddresses) ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: networkAccess.private ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
      ipRules: map(networkAccess.allowedIpAddresses, address => {
        value: address
      })
    }
  }
}

resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: secretNames.sendGridApiKey
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource sendGridWebhookPublicKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(sendGridWebhookPublicKey)) {
  parent: vault
  name: secretNames.sendGridWebhookPublicKey
  properties: {
    value: sendGridWebhookPublicKey
    contentType: 'text/plain'
  }
}

resource unsubscribeSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(unsubscribeSigningSecret)) {
  parent: vault
  name: secretNames.unsubscribeSigningSecret
  properties: {
    value: unsubscribeSigningSecret
    contentType: 'text/plain'
  }
}

resource linksSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(linksSigningSecret)) {
  parent: vault
  name: secretNames.linksSigningSecret
  properties: {
    value: linksSigningSecret
    contentType: 'text/plain'
  }
}

resource contactsHashKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(contactsHashKey)) {
  parent: vault
  name: secretNames.contactsHashKey
  properties: {
    value: contactsHashKey
    contentType: 'text/plain'
  }
}

// Deleting the vault would take every secret with it, the contacts hash key included (every unsubscribe).
resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'do-not-delete'
  scope: vault
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the contacts hash key: deleting it forgets every unsubscribe. Remove this lock on purpose first (docs/deploy.md, "Tear-down").'
  }
}

output id string = vault.id
output name string = vault.name
