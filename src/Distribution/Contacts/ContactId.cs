using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PressPipeline.Distribution.Contacts;

/// <summary>
/// Stands for an e-mail address wherever one would otherwise leak: table keys, custom_args, logs, tokens.
/// A keyed hash (HMAC-SHA256) of the normalised address, so the id cannot be reversed by hashing guesses
/// without the key. Base64url, 22 characters: safe as a Table row key.
/// </summary>
public sealed class ContactIdentity
{
    private readonly byte[] _key;

    public ContactIdentity(string hashKey)
    {
        if (string.IsNullOrWhiteSpace(hashKey))
        {
            throw new InvalidOperationException("Contacts:HashKey is not configured; set it (a Key Vault secret in Azure) so addresses can be stored as keyed hashes.");
        }

        _key = Encoding.UTF8.GetBytes(hashKey);
    }

    /// <summary>Lower-case, trimmed: addresses are matched case-insensitively everywhere.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public string IdOf(string email)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Normalize(email)));
        return Base64Url.EncodeToString(mac.AsSpan(0, 16));
    }
}
