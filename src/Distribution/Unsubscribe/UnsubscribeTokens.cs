using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PressPipeline.Distribution.Unsubscribe;

/// <summary>Who an unsubscribe link is for: a contact id (never the address) and the release it came with.</summary>
public sealed record UnsubscribeSubject(string ContactId, string ReleaseId);

/// <summary>
/// HMAC-signed unsubscribe tokens: base64url(contact id + release id) "." base64url(HMAC-SHA256 truncated to
/// 128 bits). No expiry: an unsubscribe link in an old e-mail must keep working.
/// </summary>
public sealed class UnsubscribeTokens
{
    private static readonly byte[] Purpose = "press-pipeline/unsubscribe/v1\n"u8.ToArray();
    private readonly byte[] _key;
    private readonly string _baseUrl;

    public UnsubscribeTokens(IOptions<UnsubscribeOptions> options)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SigningSecret))
        {
            throw new InvalidOperationException("Unsubscribe:SigningSecret is not configured; set it (a Key Vault secret in Azure) so unsubscribe links can be signed.");
        }

        _key = Encoding.UTF8.GetBytes(options.Value.SigningSecret);
        _baseUrl = options.Value.BaseUrl.AbsoluteUri.TrimEnd('?');
    }

    public string Create(UnsubscribeSubject subject)
    {
        var payload = Encoding.UTF8.GetBytes($"{subject.ContactId}\n{subject.ReleaseId}");
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Sign(payload))}";
    }

    /// <summary>The one-click link for List-Unsubscribe and the footer (a string: built once per recipient).</summary>
    public string LinkFor(UnsubscribeSubject subject) => $"{_baseUrl}?t={Create(subject)}";

    public bool TryRead(string? token, out UnsubscribeSubject subject)
    {
        subject = new UnsubscribeSubject("", "");
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var signature))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        subject = new UnsubscribeSubject(parts[0], parts[1]);
        return true;
    }

    private byte[] Sign(byte[] payload)
    {
        var data = new byte[Purpose.Length + payload.Length];
        Purpose.CopyTo(data, 0);
        payload.CopyTo(data, Purpose.Length);
        return HMACSHA256.HashData(_key, data)[..16];
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }
}
