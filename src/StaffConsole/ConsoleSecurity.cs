using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Links;

namespace PressPipeline.StaffConsole;

/// <summary>
/// What keeps the console's pages and forms from being used by another site: the response headers (a strict CSP
/// with no inline script or style, nosniff, no referrer to other sites, no framing) and the anti-forgery check of
/// every POST — a same-origin Origin (or Referer) header and a form token bound to the signed-in staff member.
/// The token is an HMAC with a key every instance shares, so it works across instances without server state.
/// </summary>
public sealed class ConsoleSecurity(IOptions<StaffConsoleOptions> options, IOptions<LinkOptions> links, TimeProvider time)
{
    /// <summary>The form field every state-changing form carries.</summary>
    public const string TokenField = "_token";

    /// <summary>The policy of the console's own pages: only its own files, nothing inline.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    /// <summary>
    /// The policy of a previewed release file shown inside the console's frame: the rendered web page and e-mail
    /// carry their own inline styles (as journalists' mail clients need), so styles may be inline there, but no
    /// script runs (sandbox without allow-scripts) and only the console may frame it.
    /// </summary>
    public const string PreviewPolicy =
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; frame-ancestors 'self'";

    public static void WriteHeaders(HttpResponse response, string policy)
    {
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.XFrameOptions = policy == PagePolicy ? "DENY" : "SAMEORIGIN";
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>A token for the forms of a page served to <paramref name="actor"/> now.</summary>
    public string TokenFor(string actor)
    {
        var issued = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return issued + "." + Sign(actor, issued);
    }

    /// <summary>True when the token was issued by this app, for this actor, within the form lifetime.</summary>
    public bool IsValidToken(string? token, string actor)
    {
        if (string.IsNullOrEmpty(token) || token.Split('.') is not [var issued, var signature]
            || !long.TryParse(issued, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age < TimeSpan.FromMinutes(-5) || age > options.Value.FormLifetime)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(actor, issued)));
    }

    /// <summary>
    /// True when the request says it comes from a page of this same origin. Browsers send Origin on every POST
    /// (Referer where an old one does not); a POST with neither is refused, since every form here is posted by a page.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var source = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(source) || source == "null")
        {
            source = request.Headers.Referer.ToString();
        }

        if (!Uri.TryCreate(source, UriKind.Absolute, out var from))
        {
            return false;
        }

        // Behind App Service's front end the app sees the public host in Host (and the scheme in X-Forwarded-Proto).
        var scheme = request.Headers["X-Forwarded-Proto"].ToString() is { Length: > 0 } forwarded ? forwarded : request.Scheme;
        var host = request.Headers["X-Forwarded-Host"].ToString() is { Length: > 0 } forwardedHost ? forwardedHost : request.Host.Value;
        return string.Equals(from.Scheme, scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(from.Authority, host, StringComparison.OrdinalIgnoreCase);
    }

    private string Sign(string actor, string issued)
    {
        var key = options.Value.AntiforgeryKey is { Length: > 0 } own ? own : "console-forms:" + links.Value.SigningSecret;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("console-form\n" + actor + "\n" + issued));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
