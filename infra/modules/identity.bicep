// The one identity the Function App runs as: storage, Key Vault, Application Insights and the
// Durable Task Scheduler all grant their roles to it.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id: what app settings name to pick this identity.')
output clientId string = identity.properties.clientId

@description('Principal (object) id: what role assignments grant to.')
output principalId string = identity.properties.principalId
