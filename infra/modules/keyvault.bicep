// The SendGrid API key and the magic-link signing key. The app reads them through Key Vault references,
// with the Key Vault Secrets User role (granted in functionapp.bicep); nobody else gets a data role here.
param name string
param location string
param tags object
@secure()
param sendGridApiKey string
@secure()
param linkSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey }
}

resource linkKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'link-signing-key'
  properties: { value: linkSigningKey }
}

output name string = vault.name
output sendGridSecretName string = sendGrid.name
output linkSigningSecretName string = linkKey.name
