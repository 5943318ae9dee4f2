// The Function App: Flex Consumption plan, `dotnet-isolated` 10.0 runtime (the Maca.Functions.Azure worker, with
// Durable Functions), a system-assigned identity with data roles on its own storage account only, Key Vault
// references for the two secrets, and App Service authentication (Entra ID) in front of the coordinator pages.
param name string
param location string
param tags object
param storageAccountName string
param deploymentContainerUrl string
param keyVaultName string
param sendGridSecretName string
param linkSigningSecretName string
param appInsightsConnectionString string
param coordinators array
param fromAddress string
param entraTenantId string
param entraClientId string
param otlpEndpoint string

// The storage services the app's clients use (Storage/StorageClients.cs), each with its data role.
var storageDataRoles = {
  table: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  blob: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
  queue: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
}
// What the Functions host's Durable extension needs on AzureWebJobsStorage, the same account, through the same
// identity: blob leases and large messages, its control and work-item queues, its history and instance tables.
var hostStorageRoles = {
  blobOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  queue: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  table: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
}
// Each role once, whether the app or the host (or both) needs it.
var grantedStorageRoles = union(map(items(storageDataRoles), r => r.value), map(items(hostStorageRoles), r => r.value))
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var publicUrl = 'https://${name}.azurewebsites.net'

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

// Every setting the app reads at start-up, and nothing else (tests/Maca.Functions.Tests/Deployment checks both ways).
var coordinatorSettings = flatten(map(range(0, length(coordinators)), i => concat(
  [
    { name: 'Access__Coordinators__${i}__Email', value: coordinators[i].email }
    { name: 'Access__Coordinators__${i}__Admin', value: string(coordinators[i].?admin ?? false) }
  ],
  map(range(0, length(coordinators[i].partnerships)), j => {
    name: 'Access__Coordinators__${i}__Partnerships__${j}'
    value: coordinators[i].partnerships[j]
  })
)))
var appSettings = concat([
  { name: 'AzureWebJobsStorage__accountName', value: storage.name }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'AzureWebJobsDisableHomepage', value: 'true' } // the host's own splash page says nothing a visitor needs
  { name: 'Storage__AccountName', value: storage.name }
  { name: 'Email__Transport', value: 'SendGrid' }
  { name: 'Email__FromAddress', value: fromAddress }
  { name: 'Email__SendGrid__ApiKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${sendGridSecretName})' }
  { name: 'Access__LinkSigningKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${linkSigningSecretName})' }
  { name: 'Access__Bearer__Authority', value: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0' }
  { name: 'Access__Bearer__Audience', value: entraClientId }
  { name: 'Access__TrustAppServiceAuthentication', value: 'true' }
  { name: 'App__PublicBaseUrl', value: publicUrl }
], coordinatorSettings, empty(otlpEndpoint) ? [] : [
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }
])

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: appSettings
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
    }
  }
}

// Data roles at the storage account's scope only: tables, blobs and queues, nothing at the resource group.
resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in grantedStorageRoles: {
  name: guid(storage.id, app.id, roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource secretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Coordinators sign in through Entra ID; the app reads X-MS-CLIENT-PRINCIPAL because
// Access__TrustAppServiceAuthentication is true. Magic links, the API (its own bearer tokens) and static files
// are left to the app, which checks every one of them itself.
resource auth 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: ['/api', '/links', '/agency', '/status', '/assets', '/css', '/js', '/openapi']
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
          clientId: entraClientId
        }
        validation: { allowedAudiences: [entraClientId, 'api://${entraClientId}'] }
      }
    }
    login: { tokenStore: { enabled: false } }
  }
}

output name string = app.name
output url string = publicUrl
