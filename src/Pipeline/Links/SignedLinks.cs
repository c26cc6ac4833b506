using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PressPipeline.Pipeline.Links;

/// <summary>The verdict on a signed link.</summary>
public enum LinkCheck
{
    Valid,
    Expired,
    Forged,
}

/// <summary>
/// Links that let recipients open a release's files before it is public: <c>/api/files/{id}/{exp}.{sig}/{file}</c>,
/// where sig is HMAC-SHA256 over the release id and the expiry with a secret from configuration. The grant sits in
/// the path, not the query, and covers the whole release, so the relative links inside a release (the web page's
/// <c>images/…</c>, the e-mail's image base) keep working for the holder. Anyone without the link (or with an
/// altered one) gets nothing; the link stops working at its expiry.
/// </summary>
public sealed class SignedLinks(IOptions<LinkOptions> options, TimeProvider time)
{
    private const int MinimumSecretBytes = 32;

    /// <summary>A link to one file of the release.</summary>
    public Uri Create(string releaseId, string fileName, DateTimeOffset expires)
    {
        var path = string.Join('/', fileName.Split('/').Select(Uri.EscapeDataString));
        return new Uri(Folder(releaseId, expires), path);
    }

    /// <summary>The signed folder of the release (ends in a slash); relative file paths resolve inside it.</summary>
    public Uri Folder(string releaseId, DateTimeOffset expires)
    {
        var exp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var baseUrl = options.Value.BaseUrl.ToString().TrimEnd('/');
        return new Uri($"{baseUrl}/api/files/{releaseId}/{exp}.{Sign(releaseId, exp)}/");
    }

    /// <summary>Checks the grant segment (<c>{exp}.{sig}</c>) of a link for a release.</summary>
    public LinkCheck Check(string releaseId, string? grant)
    {
        var parts = (grant ?? "").Split('.');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return LinkCheck.Forged;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(releaseId, parts[0]));
        var given = Encoding.ASCII.GetBytes(parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return LinkCheck.Forged;
        }

        return time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(seconds) ? LinkCheck.Valid : LinkCheck.Expired;
    }

    private string Sign(string releaseId, string exp)
    {
        var secret = options.Value.SigningSecret;
        if (Encoding.UTF8.GetByteCount(secret) < MinimumSecretBytes)
        {
            throw new InvalidOperationException(
                $"Links:SigningSecret must be set to a random value of at least {MinimumSecretBytes} characters (from Key Vault in Azure) so recipients' links can be signed.");
        }

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{releaseId}\n{exp}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
