using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PressPipeline.StaffConsole;

/// <summary>
/// The staff member App Service Authentication signed in, read from the principal headers it adds:
/// <c>X-MS-CLIENT-PRINCIPAL-NAME</c>, <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON with claims) and
/// <c>X-MS-CLIENT-PRINCIPAL-ID</c>. The platform strips these headers from incoming requests, so they can be
/// trusted only while it is switched on. Read through <see cref="StaffSignIn"/>, which the console and the staff API share.
/// </summary>
public static class StaffPrincipal
{
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string IdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    private static readonly string[] NameClaims =
    [
        "name", "preferred_username", "upn", "email", "emails",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    ];

    /// <summary>The signed-in staff member's name, or null when the request carries no principal.</summary>
    public static string? NameOf(IHeaderDictionary headers)
    {
        if (Header(headers, NameHeader) is { } name)
        {
            return name;
        }

        if (Header(headers, PrincipalHeader) is { } encoded && FromPrincipal(encoded) is { } claimed)
        {
            return claimed;
        }

        return Header(headers, IdHeader);
    }

    /// <summary>The name claim of a principal: its own name_typ first, then the usual name claims.</summary>
    public static string? FromPrincipal(string encoded)
    {
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = json.RootElement;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var preferred = root.TryGetProperty("name_typ", out var nameType) && nameType.ValueKind == JsonValueKind.String ? nameType.GetString() : null;
            var values = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String && c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(c => (Type: c.GetProperty("typ").GetString()!, Value: c.GetProperty("val").GetString()!))
                .Where(c => c.Value.Trim().Length > 0)
                .ToList();
            return values.FirstOrDefault(c => c.Type == preferred).Value
                ?? NameClaims.Select(type => values.FirstOrDefault(c => c.Type == type).Value).FirstOrDefault(v => v is not null);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string? Header(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;
}
