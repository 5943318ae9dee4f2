using System.Security.Cryptography;
using System.Text;

namespace Maca.Functions.Storage.Blobs;

/// <summary>A read-only service SAS for one blob, signed with the account key.</summary>
internal static class BlobSas
{
    public static string ReadOnly(string account, byte[] key, string container, string blob, DateTimeOffset expiresOn)
    {
        const string permissions = "r", resource = "b";
        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        var version = StoragePipeline.ApiVersion;
        // Fields in the order the service rebuilds them; empty ones stay as blank lines.
        var stringToSign = string.Join('\n',
            permissions, "", expiry, $"/blob/{account}/{container}/{blob}",
            "", "", "", version, resource, "", "", "", "", "", "", "");
        using var hmac = new HMACSHA256(key);
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return $"sv={version}&sr={resource}&sp={permissions}&se={Uri.EscapeDataString(expiry)}&sig={Uri.EscapeDataString(signature)}";
    }
}
