// The storage account behind AzureWebJobsStorage: the Flex Consumption deployment container, the
// Functions host's blobs, the input queues, the leak ledger's table and — with the Azure Storage backend —
// Durable's queues, tables and blobs. Shared-key access is off: every caller uses Microsoft Entra identities.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Queues the app listens to; their poison queues are created alongside.')
param queueNames string[]

@description('Principal id of the identity the app runs as.')
param appPrincipalId string

// Built-in roles, by their fixed ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// Blob Data Owner: the host leases blobs and Flex reads the package; Queue Data Contributor: queue
// triggers read, delete and move messages to poison queues; Table Data Contributor: the leak ledger's
// table (written before every start call, so it is needed with either Durable backend) and Durable's
// tables with the Azure Storage backend.
var roles = [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]

var allQueues = flatten(map(queueNames, queue => [queue, '${queue}-poison']))

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [for queue in allQueues: {
  parent: queueService
  name: queue
}]

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roles: {
  name: guid(account.id, appPrincipalId, role)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

@description('Name of the storage account.')
output name string = account.name

@description('Blob endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Name of the deployment container.')
output deploymentContainerName string = deploymentContainer.name
