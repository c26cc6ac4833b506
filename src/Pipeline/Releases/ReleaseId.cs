using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PressPipeline.Pipeline.Releases;

/// <summary>
/// A release id is derived from the uploaded bytes (SHA-256, first 80 bits as lowercase hex), so the same file
/// uploaded or re-triggered again lands on the same release and changes nothing.
/// </summary>
public static partial class ReleaseId
{
    private const int Length = 20;

    public static string FromContent(ReadOnlySpan<byte> content) => FromHash(SHA256.HashData(content));

    /// <summary>The id from a SHA-256 already computed (uploads are hashed as they stream in).</summary>
    public static string FromHash(ReadOnlySpan<byte> sha256) => Convert.ToHexStringLower(sha256)[..Length];

    /// <summary>True for strings shaped like an id; guards paths built from user input.</summary>
    public static bool IsWellFormed(string? id) => id is not null && Shape().IsMatch(id);

    /// <summary>Throws a NotFound problem for ids that cannot exist, before they reach a blob path.</summary>
    public static string Require(string? id) =>
        IsWellFormed(id) ? id! : throw ReleaseProblemException.NotFound(id ?? "");

    [GeneratedRegex("^[0-9a-f]{20}$")]
    private static partial Regex Shape();
}
