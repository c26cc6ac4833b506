metadata description = 'The function app\'s user-assigned identity: storage, the deployment package, Key Vault references and telemetry. The Event Grid topic has its own (eventgrid.bicep).'

param name string
param location string
@description('Tags on every resource (name → value).')
param tags { *: string }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
