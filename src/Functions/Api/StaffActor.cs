using Microsoft.AspNetCore.Http;
using PressPipeline.Pipeline.Status;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// Who is calling a staff route. In Azure, App Service Authentication signs the staff member in and passes them in
/// <c>X-MS-CLIENT-PRINCIPAL-NAME</c> and <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON with claims); the platform strips
/// those headers from incoming requests, so they can be trusted only while it is switched on. Without a principal
/// the caller is whoever holds the function key, and is recorded as such. The header parsing is shared with the staff console.
/// </summary>
public static class StaffActor
{
    public const string NameHeader = StaffPrincipal.NameHeader;
    public const string PrincipalHeader = StaffPrincipal.PrincipalHeader;
    public const string IdHeader = StaffPrincipal.IdHeader;

    /// <summary>Recorded when nobody is signed in and the route was opened with a function key.</summary>
    public const string KeyHolder = "function-key holder";

    public static Actor From(HttpRequest request, Door door = Door.Api) =>
        Actor.Of(StaffPrincipal.NameOf(request.Headers) ?? KeyHolder, door);

    /// <summary>The name claim of a principal (kept for the API's tests; the parsing lives in <see cref="StaffPrincipal"/>).</summary>
    internal static string? FromPrincipal(string encoded) => StaffPrincipal.FromPrincipal(encoded);
}
