using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Functions.Api;

/// <summary>
/// Who is calling a staff route. In Azure, App Service Authentication signs the staff member in and passes them in
/// <c>X-MS-CLIENT-PRINCIPAL-NAME</c> and <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON with claims); the platform strips
/// those headers from incoming requests, so they can be trusted only while it is switched on. Without a principal
/// the caller is whoever holds the function key, and is recorded as such.
/// </summary>
public static class StaffActor
{
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string IdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    /// <summary>Recorded when nobody is signed in and the route was opened with a function key.</summary>
    public const string KeyHolder = "function-key holder";

    private static readonly string[] NameClaims =
    [
        "name", "preferred_username", "upn", "email", "emails",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    ];

    public static Actor From(HttpRequest request, Door door = Door.Api)
    {
        if (Header(request, NameHeader) is { } name)
        {
            return Actor.Of(name, door);
        }

        if (Header(request, PrincipalHeader) is { } encoded && FromPrincipal(encoded) is { } claimed)
        {
            return Actor.Of(claimed, door);
        }

        return Header(request, IdHeader) is { } id ? Actor.Of(id, door) : Actor.Of(KeyHolder, door);
    }

    /// <summary>The name claim of a principal: its own name_typ first, then the usual name claims.</summary>
    internal static string? FromPrincipal(string encoded)
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

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;
}
