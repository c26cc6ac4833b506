using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PressPipeline.Distribution.Unsubscribe;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Web;

/// <summary>
/// The anonymous routes a journalist's e-mail links to: the signed, embargo-aware file route and one-click
/// unsubscribe. The Functions app (<c>SignedFile</c>, <c>Unsubscribe</c>) and the local host (<c>presspipe serve</c>)
/// both answer with these, so a link in a locally sent e-mail behaves exactly as it will in Azure.
/// </summary>
public static class PublicRoutes
{
    /// <summary>Route of <see cref="SignedFileAsync"/> below the host's root (the Functions app's <c>api/</c> prefix included).</summary>
    public const string SignedFilePattern = "/api/files/{id}/{**path}";

    /// <summary>Route of <see cref="UnsubscribeAsync"/> below the host's root.</summary>
    public const string UnsubscribePattern = "/api/unsubscribe";

    /// <summary>
    /// <c>GET /api/files/{id}/{exp}.{sig}/{file}</c>: the file for the holder of a signed link before the release
    /// is public, a permanent redirect (308) to the public newsroom after. The signature is the credential.
    /// </summary>
    public static async Task<IResult> SignedFileAsync(
        SignedFileReader reader, HttpContext context, string id, string path, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAsync(id, path, cancellationToken);

        // The content type comes from the manifest; browsers must not second-guess it from the bytes.
        context.Response.Headers[ServedContentType.NoSniffHeader] = ServedContentType.NoSniff;
        return result switch
        {
            SignedFileResult.Found found => TypedResults.File(found.Content.ToArray(), found.ContentType),
            SignedFileResult.Moved moved => TypedResults.Redirect(moved.PublicUrl.AbsoluteUri, permanent: true, preserveMethod: true),
            SignedFileResult.Refused { Check: LinkCheck.Expired } refused => Error(StatusCodes.Status410Gone, refused.Message),
            SignedFileResult.Refused refused => Error(StatusCodes.Status403Forbidden, refused.Message),
            _ => Error(StatusCodes.Status403Forbidden, "This link is not valid."),
        };
    }

    /// <summary>
    /// RFC 8058 one-click unsubscribe: POST <c>?t=…</c> unsubscribes and answers 200 (no redirect); GET shows a
    /// confirm page whose button POSTs. The HMAC token is the authorisation.
    /// </summary>
    public static async Task<IResult> UnsubscribeAsync(UnsubscribeService unsubscribe, HttpRequest request, CancellationToken cancellationToken)
    {
        var response = await unsubscribe.HandleAsync(request.Method, request.Query["t"].ToString(), cancellationToken);
        return TypedResults.Content(response.Html, "text/html; charset=utf-8", statusCode: response.StatusCode);
    }

    /// <summary>The API's error shape, <c>{ "error": "&lt;sentence&gt;" }</c>.</summary>
    private static JsonHttpResult<PublicError> Error(int statusCode, string sentence) =>
        TypedResults.Json(new PublicError(sentence), PublicJsonContext.Default.PublicError, statusCode: statusCode);
}

/// <summary>Body of a refused public request.</summary>
public sealed record PublicError(string Error);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PublicError))]
internal sealed partial class PublicJsonContext : JsonSerializerContext;
