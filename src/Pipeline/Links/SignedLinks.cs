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
/// Links to a release's files: <c>/api/files/{id}/{exp}.{sig}/{file}</c>, where sig is HMAC-SHA256 over the release
/// id and the expiry with a secret from configuration. The grant sits in the path, not the query, and covers the
/// whole release, so the relative links inside a release (the web page's <c>images/…</c>, the e-mail's image base)
/// keep working for the holder. Links that messages carry never expire (<c>exp</c> = 0): before the publish time
/// they serve the file to the holder, after it the route redirects to the public newsroom (see
/// <see cref="SignedFileReader"/>), so a link in an old e-mail still works years later. Staff previews expire.
/// </summary>
public sealed class SignedLinks(IOptions<LinkOptions> options, TimeProvider time)
{
    private const int MinimumSecretBytes = 32;
    private const string Permanent = "0";

    /// <summary>The link every message carries to one file of the release: works before, at and after the lift.</summary>
    public Uri Create(string releaseId, string fileName) => Within(Folder(releaseId), fileName);

    /// <summary>A link to one file that stops working at <paramref name="expires"/> (staff previews).</summary>
    public Uri Create(string releaseId, string fileName, DateTimeOffset expires) => Within(Folder(releaseId, expires), fileName);

    /// <summary>The permanent signed folder of the release (ends in a slash); relative file paths resolve inside it.</summary>
    public Uri Folder(string releaseId) => FolderFor(releaseId, Permanent);

    /// <summary>A signed folder that stops working at <paramref name="expires"/>.</summary>
    public Uri Folder(string releaseId, DateTimeOffset expires) =>
        FolderFor(releaseId, Math.Max(1, expires.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture));

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

        return parts[0] == Permanent || time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(seconds) ? LinkCheck.Valid : LinkCheck.Expired;
    }

    private static Uri Within(Uri folder, string fileName) =>
        new(folder, string.Join('/', fileName.Split('/').Select(Uri.EscapeDataString)));

    private Uri FolderFor(string releaseId, string exp)
    {
        var baseUrl = options.Value.BaseUrl.ToString().TrimEnd('/');
        return new Uri($"{baseUrl}/api/files/{releaseId}/{exp}.{Sign(releaseId, exp)}/");
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
