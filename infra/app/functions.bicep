metadata description = 'The Flex Consumption plan (FC1) and the function app: .NET 10 isolated, deployment package and host storage through the user-assigned identity, no keys in app settings.'

param planName string
param appName string
param location string
@description('Tags on every resource (name → value).')
param tags { *: string }

@description('Tag azd uses to find the app it deploys the service to.')
param serviceName string

param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainer string

param applicationInsightsConnectionString string

@description('Memory of each instance; Flex Consumption offers 512, 2048 and 4096 MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound on scale-out; also caps how hard the app can push SendGrid and storage.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Application settings the code reads (names with __ for nested keys); Key Vault references for secrets.')
param appSettings { *: string }

@description('Client id of the Entra ID app registration staff sign in with (App Service Authentication); empty: authentication stays off.')
param authClientId string

@description('Tenant of that app registration.')
param authTenantId string

@description('Paths reachable without signing in: whoever calls them is authenticated otherwise (a signed token, a SendGrid signature, the blobs extension key).')
param anonymousPaths string[]

@description('Instances spread over the region\'s availability zones (at least two always-ready instances per scaling group, billed).')
param zoneRedundant bool

@description('Subnet (delegated to Microsoft.App/environments) the app sends its outbound traffic through; empty: none.')
param virtualNetworkSubnetId string

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
    // Azure Functions docs, "Configure zone redundancy" (Flex Consumption, Bicep): the plan's zoneRedundant property.
    zoneRedundant: zoneRedundant
  }
}

// The Functions host (timer locks, blob receipts, poison queue) uses the same account through the same identity.
// Endpoints are built from the account name, so they are known before deployment (and what-if can show them).
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}/'
  AzureWebJobsStorage__queueServiceUri: 'https://${storageAccountName}.queue.${environment().suffixes.storage}/'
  AzureWebJobsStorage__tableServiceUri: 'https://${storageAccountName}.table.${environment().suffixes.storage}/'
}

var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // Application Insights has local auth off: telemetry is sent with the identity's Entra ID token.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Present exactly when the auth resource below is: the app believes App Service Authentication's principal headers
// (the staff member on the console and the staff API) only when they can have come from it. Without it the app
// decides from WEBSITE_AUTH_ENABLED, and a staff request without a principal is refused (401).
var signInSettings = empty(authClientId)
  ? {}
  : {
      StaffConsole__TrustPrincipalHeaders: 'true'
    }

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings resolve with this identity.
    keyVaultReferenceIdentity: identityId
    // Outbound traffic (storage, Key Vault, and so Key Vault references) goes through the private network.
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // Flex Consumption takes the worker runtime from here; FUNCTIONS_WORKER_RUNTIME must not be set.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: union(appSettings, hostStorageSettings, monitoringSettings, signInSettings)
}

// Deployments authenticate with Entra ID; publishing user names and passwords are switched off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

// App Service Authentication (Easy Auth) in front of the staff console and API: Microsoft Entra ID, every path signs
// in except the anonymous ones. Checked against the authsettingsV2 resource reference (globalValidation.excludedPaths,
// identityProviders.azureActiveDirectory.registration.openIdIssuer/clientId) and the App Service docs on excluded
// paths (a trailing * matches a prefix). Off unless a client id is given, so a first deployment works before the
// app registration exists (docs/deploy.md, "Staff sign-in").
resource auth 'Microsoft.Web/sites/config@2025-03-01' = if (!empty(authClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: anonymousPaths
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output id string = app.id
output name string = app.name
output defaultHostName string = app.properties.defaultHostName
