// Maca in a partnership's own subscription: `azd up` from the repository root (see README, "Deploy to Azure").
// One Function App on the Flex Consumption plan running the isolated worker with Durable Functions, one storage account reached only by
// the app's managed identity, Key Vault for the two secrets, and Application Insights.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(40)
@description('Names the environment (azd sets it); every resource name is derived from it.')
param environmentName string

param location string = resourceGroup().location

@description('Coordinators: [{ email, partnerships: ["id" or "*"], admin: bool }]. The app refuses everyone else.')
param coordinators array

@description('The address emails come from; it must be a verified SendGrid sender.')
param fromAddress string

@secure()
@description('SendGrid API key with Mail Send permission; stored in Key Vault, read through a Key Vault reference.')
param sendGridApiKey string

@secure()
@description('Base64 key of at least 32 bytes that signs magic links (openssl rand -base64 32); stored in Key Vault.')
param linkSigningKey string

@description('Entra ID tenant that signs coordinators in.')
param entraTenantId string = subscription().tenantId

@description('Client (application) id of the Entra app registration used by App Service authentication and API tokens.')
param entraClientId string

@description('OTLP endpoint for traces and metrics (an OpenTelemetry collector); empty sends none.')
param otlpEndpoint string = ''

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName, application: 'maca' }

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: 'maca-${token}', location: location, tags: tags }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: { name: 'maca${token}', location: location, tags: tags }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-maca-${take(token, 12)}'
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    linkSigningKey: linkSigningKey
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: 'maca-${token}'
    location: location
    tags: union(tags, { 'azd-service-name': 'app' })
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    keyVaultName: vault.outputs.name
    sendGridSecretName: vault.outputs.sendGridSecretName
    linkSigningSecretName: vault.outputs.linkSigningSecretName
    appInsightsConnectionString: monitoring.outputs.connectionString
    coordinators: coordinators
    fromAddress: fromAddress
    entraTenantId: entraTenantId
    entraClientId: entraClientId
    otlpEndpoint: otlpEndpoint
  }
}

output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output MACA_URL string = app.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
