// Broadcast on Azure Functions: Flex Consumption app (.NET 10 isolated), identity-based storage,
// Application Insights + Log Analytics, Key Vault for the ILVB credentials, one user-assigned
// identity with the least roles, and Durable on Azure Storage or on a Durable Task Scheduler.
//
//   az deployment group create -g <resource-group> -f infra/main.bicep -p infra/main.parameters.json
//
// See docs/azure-functions.md for the secure parameters and publishing the code.

targetScope = 'resourceGroup'

@description('Short name that prefixes every resource (lowercase letters, digits and hyphens).')
@minLength(3)
@maxLength(16)
param baseName string = 'broadcast'

@description('Azure region; must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Tags for every resource.')
param tags object = {
  app: 'broadcast'
}

@description('Where Durable Functions keeps orchestration state.')
@allowed([
  'AzureStorage'
  'DurableTaskScheduler'
])
param durableBackend string = 'AzureStorage'

@description('Durable task hub name (host.json uses the same default).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'BroadcastHub'

@description('Durable Task Scheduler SKU (used with the DurableTaskScheduler backend).')
@allowed([
  'Consumption'
  'Dedicated'
])
param schedulerSku string = 'Consumption'

@description('Addresses allowed to reach the Durable Task Scheduler; an empty list denies all traffic.')
param schedulerIpAllowlist string[] = [
  '0.0.0.0/0'
]

@description('Most instances the Flex Consumption app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of one Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('The ILVB application\'s sdkappid (Ilvb:SdkAppId).')
param ilvbSdkAppId string

@description('The ILVB admin account the calls are made as (Ilvb:Identifier).')
param ilvbIdentifier string

@description('Which vendor domain to call (Ilvb:Environment).')
@allowed([
  'Test'
  'Formal'
])
param ilvbEnvironment string = 'Test'

@description('Which ILVB credential Key Vault holds: the app secret key (UserSigs are issued here) or a fixed UserSig.')
@allowed([
  'SecretKey'
  'UserSig'
])
param ilvbCredentialKind string = 'SecretKey'

@description('The ILVB secret key or UserSig; empty to set the Key Vault secret later.')
@secure()
param ilvbCredential string = ''

@description('Whether calls to ILVB use the mutual-TLS client certificate held in Key Vault.')
param ilvbUseClientCertificate bool = true

@description('The ILVB mutual-TLS client certificate as base64 PFX; empty to set the Key Vault secret later.')
@secure()
param ilvbClientCertificate string = ''

@description('The client certificate\'s password; empty to set the Key Vault secret later.')
@secure()
param ilvbClientCertificatePassword string = ''

@description('The API key every HTTP call must send in X-Api-Key (Host:ApiKey); empty to set the Key Vault secret later.')
@secure()
param apiKey string = ''

@description('More ILVB options as app settings, e.g. {"Ilvb__RequestTimeout": "00:00:15"}.')
param ilvbSettings object = {}

@description('Session options as app settings, e.g. {"Sessions__DefaultJoinTimeout": "00:10:00"}.')
param sessionsSettings object = {}

var token = uniqueString(resourceGroup().id, baseName)
var compactName = replace(baseName, '-', '')
var names = {
  identity: 'id-${baseName}-${token}'
  logAnalytics: 'log-${baseName}-${token}'
  applicationInsights: 'appi-${baseName}-${token}'
  storage: 'st${take(compactName, 9)}${token}'
  keyVault: 'kv-${take(compactName, 8)}-${take(token, 10)}'
  scheduler: 'dts-${baseName}-${token}'
  plan: 'plan-${baseName}-${token}'
  app: 'func-${baseName}-${token}'
  deploymentContainer: 'app-package-${token}'
}
var useScheduler = durableBackend == 'DurableTaskScheduler'

var secretNames = {
  credential: ilvbCredentialKind == 'SecretKey' ? 'ilvb-secret-key' : 'ilvb-usersig'
  certificate: 'ilvb-client-certificate'
  certificatePassword: 'ilvb-client-certificate-password'
  apiKey: 'api-key'
}

// A versionless secret URI: a rotated secret is picked up without redeploying.
func keyVaultReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
    queueNames: [
      'session-requests'
      'user-joined'
      'user-left'
    ]
    appPrincipalId: identity.outputs.principalId
  }
}

module secrets 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    credentialSecretName: secretNames.credential
    credentialValue: ilvbCredential
    certificateSecretName: secretNames.certificate
    certificateValue: ilvbClientCertificate
    certificatePasswordSecretName: secretNames.certificatePassword
    certificatePasswordValue: ilvbClientCertificatePassword
    apiKeySecretName: secretNames.apiKey
    apiKeyValue: apiKey
  }
}

module scheduler 'modules/durableTaskScheduler.bicep' = if (useScheduler) {
  name: 'durableTaskScheduler'
  params: {
    name: names.scheduler
    taskHubName: taskHubName
    location: location
    tags: tags
    skuName: schedulerSku
    ipAllowlist: schedulerIpAllowlist
    appPrincipalId: identity.outputs.principalId
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: names.applicationInsights
  dependsOn: [
    monitoring
  ]
}

var hostSettings = {
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  AzureFunctionsJobHost__extensions__durableTask__hubName: taskHubName
}

var schedulerSettings = useScheduler
  ? {
      DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${scheduler.?outputs.endpoint ?? ''};Authentication=ManagedIdentity;ClientID=${identity.outputs.clientId}'
      AzureFunctionsJobHost__extensions__durableTask__storageProvider__type: 'azureManaged'
      AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
    }
  : {}

var ilvbAppSettings = {
  Ilvb__SdkAppId: ilvbSdkAppId
  Ilvb__Identifier: ilvbIdentifier
  Ilvb__Environment: ilvbEnvironment
  'Ilvb__${ilvbCredentialKind}': keyVaultReference(secrets.outputs.vaultUri, secretNames.credential)
}

var apiSettings = {
  Host__ApiKey: keyVaultReference(secrets.outputs.vaultUri, secretNames.apiKey)
}

// The ILVB client takes the base64 PFX from Key Vault inline (Ilvb:ClientCertificateBase64); no file is written.
var certificateSettings = ilvbUseClientCertificate
  ? {
      Ilvb__ClientCertificateBase64: keyVaultReference(secrets.outputs.vaultUri, secretNames.certificate)
      Ilvb__ClientCertificatePassword: keyVaultReference(secrets.outputs.vaultUri, secretNames.certificatePassword)
    }
  : {}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    planName: names.plan
    appName: names.app
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${storage.outputs.deploymentContainerName}'
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    dotnetVersion: '10.0'
    appSettings: union(hostSettings, schedulerSettings, apiSettings, ilvbAppSettings, certificateSettings, ilvbSettings, sessionsSettings)
  }
}

@description('Name of the Function App (for func azure functionapp publish).')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the HTTP API.')
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api'

@description('Name of the Key Vault holding the ILVB credentials and the API key.')
output keyVaultName string = secrets.outputs.name

@description('Name of the storage account (queues session-requests, user-joined and user-left).')
output storageAccountName string = storage.outputs.name

@description('The Durable backend in use.')
output durableBackend string = durableBackend
