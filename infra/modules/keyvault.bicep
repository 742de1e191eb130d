// Key Vault for the secrets: the ILVB secret key that UserSigs are issued from (or a fixed UserSig),
// the mutual-TLS client certificate (PFX, base64) with its password, and the HTTP API key. Access is by
// Azure RBAC only; the app's identity may read secrets and nothing else. A value left empty here is
// not written: set it later with `az keyvault secret set` (see docs/azure-functions.md).

@description('Name of the Key Vault (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Principal id of the identity the app runs as.')
param appPrincipalId string

@description('Name of the secret holding the ILVB credential (secret key or UserSig).')
param credentialSecretName string

@description('The ILVB credential; empty to leave the secret to be set later.')
@secure()
param credentialValue string

@description('Name of the secret holding the client certificate (PFX, base64).')
param certificateSecretName string

@description('The client certificate as base64 PFX; empty to leave the secret to be set later.')
@secure()
param certificateValue string

@description('Name of the secret holding the client certificate password.')
param certificatePasswordSecretName string

@description('The client certificate password; empty to leave the secret to be set later.')
@secure()
param certificatePasswordValue string

@description('Name of the secret holding the HTTP API key.')
param apiKeySecretName string

@description('The HTTP API key; empty to leave the secret to be set later.')
@secure()
param apiKeyValue string

// Built-in role: Key Vault Secrets User (read secret values).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource credential 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(credentialValue)) {
  parent: vault
  name: credentialSecretName
  properties: {
    value: credentialValue
  }
}

resource certificate 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(certificateValue)) {
  parent: vault
  name: certificateSecretName
  properties: {
    value: certificateValue
    contentType: 'application/x-pkcs12'
  }
}

resource certificatePassword 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(certificatePasswordValue)) {
  parent: vault
  name: certificatePasswordSecretName
  properties: {
    value: certificatePasswordValue
  }
}

resource apiKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(apiKeyValue)) {
  parent: vault
  name: apiKeySecretName
  properties: {
    value: apiKeyValue
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI, e.g. https://<name>.vault.azure.net/.')
output vaultUri string = vault.properties.vaultUri
