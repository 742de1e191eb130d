// A Durable Task Scheduler with one task hub, used when the Durable backend is DurableTaskScheduler.
// The app's identity gets Durable Task Data Contributor on the scheduler: it runs orchestrations and
// activities and also queries, raises events, terminates and purges (the HTTP API's client calls).

@description('Name of the scheduler.')
param name string

@description('Name of the task hub.')
param taskHubName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Scheduler SKU.')
@allowed([
  'Consumption'
  'Dedicated'
])
param skuName string

@description('Addresses (IPv4, IPv6, CIDR) allowed to reach the scheduler; an empty list denies all.')
param ipAllowlist string[]

@description('Principal id of the identity the app runs as.')
param appPrincipalId string

// Built-in role: Durable Task Data Contributor.
var durableTaskDataContributor = '0ad04412-c4d5-4796-b79c-f76d14c8d402'

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
    }
    ipAllowlist: ipAllowlist
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

resource dataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(scheduler.id, appPrincipalId, durableTaskDataContributor)
  scope: scheduler
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', durableTaskDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('The scheduler endpoint, e.g. https://<name>.<region>.durabletask.io.')
output endpoint string = scheduler.properties.endpoint

@description('Name of the task hub.')
output taskHubName string = taskHub.name
