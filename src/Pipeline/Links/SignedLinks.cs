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
/// Links that let recipients open a release's files before it is public: <c>/api/files/{id}/{file}?exp=&amp;sig=</c>,
/// where sig is HMAC-SHA256 over id, file and expiry with a secret from configuration. Anyone without the
/// link (or with an altered one) gets nothing; the link stops working at its expiry.
/// </summary>
public sealed class SignedLinks(IOptions<LinkOptions> options, TimeProvider time)
{
    private const int MinimumSecretBytes = 32;

    public Uri Create(string releaseId, string fileName, DateTimeOffset expires)
    {
        var exp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var baseUrl = options.Value.BaseUrl.ToString().TrimEnd('/');
        var path = string.Join('/', fileName.Split('/').Select(Uri.EscapeDataString));
        return new Uri($"{baseUrl}/api/files/{releaseId}/{path}?exp={exp}&sig={Sign(releaseId, fileName, exp)}");
    }

    public LinkCheck Check(string releaseId, string fileName, string? exp, string? sig)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig) || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return LinkCheck.Forged;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(releaseId, fileName, exp));
        var given = Encoding.ASCII.GetBytes(sig);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return LinkCheck.Forged;
        }

        return time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(seconds) ? LinkCheck.Valid : LinkCheck.Expired;
    }

    private string Sign(string releaseId, string fileName, string exp)
    {
        var secret = options.Value.SigningSecret;
        if (Encoding.UTF8.GetByteCount(secret) < MinimumSecretBytes)
        {
            throw new InvalidOperationException(
                $"Links:SigningSecret must be set to a random value of at least {MinimumSecretBytes} characters (from Key Vault in Azure) so recipients' links can be signed.");
        }

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{releaseId}/{fileName}\n{exp}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
