using Microsoft.Extensions.Options;

namespace Maca.Functions.Access;

/// <summary>Bound from "Access": who the coordinators are, and the keys that sign bearer tokens and magic links.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// Coordinators by email, each with the partnerships they run ("*" for every one) and whether they administer
    /// the directory.
    /// </summary>
    public List<CoordinatorAccount> Coordinators { get; set; } = [];

    /// <summary>Signs magic links (HMAC-SHA256); at least 32 bytes, Base64. From configuration or Key Vault, never from code.</summary>
    public string LinkSigningKey { get; set; } = "";

    /// <summary>How long a magic link lasts; never past the cycle's end, when every link stops working.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    public BearerSettings Bearer { get; set; } = new();

    /// <summary>Trust App Service authentication's X-MS-CLIENT-PRINCIPAL header. Only true when the app really runs behind it.</summary>
    public bool TrustAppServiceAuthentication { get; set; }

    public sealed class BearerSettings
    {
        /// <summary>An Entra ID authority (https://login.microsoftonline.com/{tenant}/v2.0); when set, tokens come from Entra.</summary>
        public string? Authority { get; set; }

        /// <summary>Without an authority: the Base64 key (at least 32 bytes) that signs local tokens for tools and tests.</summary>
        public string? SigningKey { get; set; }

        public string Issuer { get; set; } = "maca";
        public string Audience { get; set; } = "maca-api";
    }

    public CoordinatorAccount? Find(string? email) =>
        email is null ? null : Coordinators.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));

    public static byte[]? DecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        try { return Convert.FromBase64String(base64); }
        catch (FormatException) { return null; }
    }
}

public sealed class CoordinatorAccount
{
    public string Email { get; set; } = "";
    public List<string> Partnerships { get; set; } = [];
    public bool Admin { get; set; }
}

/// <summary>Fails start-up with a message naming the setting, so no app ever runs with a missing or weak key.</summary>
internal sealed class AccessOptionsValidation : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions o)
    {
        var failures = new List<string>();
        if (AccessOptions.DecodeKey(o.LinkSigningKey) is not { Length: >= 32 })
            failures.Add("Access:LinkSigningKey must be a Base64 key of at least 32 bytes (e.g. openssl rand -base64 32).");
        if (string.IsNullOrWhiteSpace(o.Bearer.Authority) && AccessOptions.DecodeKey(o.Bearer.SigningKey) is not { Length: >= 32 })
            failures.Add("Access:Bearer:SigningKey must be a Base64 key of at least 32 bytes, unless Access:Bearer:Authority is set.");
        if (o.LinkLifetime <= TimeSpan.Zero || o.LinkLifetime > TimeSpan.FromDays(90))
            failures.Add("Access:LinkLifetime must be between a minute and 90 days.");
        if (o.Coordinators.Any(c => string.IsNullOrWhiteSpace(c.Email)))
            failures.Add("Access:Coordinators: every coordinator needs an Email.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
