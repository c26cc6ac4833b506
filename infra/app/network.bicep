metadata description = 'Private networking (vnetEnabled): a virtual network whose delegated subnet carries the function app\'s outbound traffic, and private endpoints with private DNS zones for blob, queue, table and Key Vault.'

param vnetName string
param nsgName string
param location string
@description('Tags on every resource (name → value).')
param tags { *: string }

@description('Address space of the virtual network; the app subnet and the private endpoint subnet are its first two /24 blocks.')
param addressSpace string

@description('Subnet the function app integrates with (delegated to Microsoft.App/environments).')
param appSubnetName string

@description('Subnet the private endpoints take their addresses from.')
param privateEndpointSubnetName string

param storageAccountName string
param keyVaultName string

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

// One private endpoint per sub-resource: the group id is what the endpoint reaches (the vault for 'vault', the storage
// account otherwise), the zone is the name that resolves to it from inside the network. Zone names follow the cloud
// (environment()), never a hard-coded suffix: the Key Vault zone is privatelink.vaultcore.azure.net in the public cloud.
var endpoints = [
  {
    groupId: 'blob'
    zone: 'privatelink.blob.${environment().suffixes.storage}'
  }
  {
    groupId: 'queue'
    zone: 'privatelink.queue.${environment().suffixes.storage}'
  }
  {
    groupId: 'table'
    zone: 'privatelink.table.${environment().suffixes.storage}'
  }
  {
    groupId: 'vault'
    zone: 'privatelink${replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')}'
  }
]

// Both subnets get a network security group (the platform's default rules: traffic inside the network, outbound to
// the internet); no inbound rule is added, nothing listens in this network.
resource nsg 'Microsoft.Network/networkSecurityGroups@2026-03-01' = {
  name: nsgName
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2026-03-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressSpace
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressSpace, 24, 0)
          networkSecurityGroup: {
            id: nsg.id
          }
          // Flex Consumption integrates only with a subnet delegated to Microsoft.App/environments (Flex Consumption
          // plan docs, "Considerations"; Azure-Samples/functions-quickstart-dotnet-azd infra/app/vnet.bicep).
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressSpace, 24, 1)
          networkSecurityGroup: {
            id: nsg.id
          }
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for endpoint in endpoints: {
    name: endpoint.zone
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (endpoint, i) in endpoints: {
    parent: zones[i]
    name: vnetName
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2026-03-01' = [
  for endpoint in endpoints: {
    name: 'pe-${endpoint.groupId}-${vnetName}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: '${vnet.id}/subnets/${privateEndpointSubnetName}'
      }
      privateLinkServiceConnections: [
        {
          name: endpoint.groupId
          properties: {
            privateLinkServiceId: endpoint.groupId == 'vault' ? vault.id : storage.id
            groupIds: [
              endpoint.groupId
            ]
          }
        }
      ]
    }
  }
]

// The A record of each endpoint is written into its zone and kept in step by the platform.
resource dnsZoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = [
  for (endpoint, i) in endpoints: {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: endpoint.groupId
          properties: {
            privateDnsZoneId: zones[i].id
          }
        }
      ]
    }
  }
]

output vnetId string = vnet.id
