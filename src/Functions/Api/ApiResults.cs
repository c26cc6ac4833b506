using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>JSON responses of the API: values in the pipeline's JSON shape, errors as <c>{ "error": "&lt;sentence&gt;" }</c>.</summary>
public static class ApiResults
{
    private static readonly JsonSerializerOptions Options = PipelineJson.With(ApiJsonContext.Default);

    /// <summary>JSON request bodies are small (an address list, a suppression, a schedule).</summary>
    private static readonly UploadLimit JsonLimit = new(UploadKind.Form, UploadLimits.FormBytes);

    public static ContentResult Json<T>(int statusCode, T value) => new()
    {
        StatusCode = statusCode,
        ContentType = "application/json; charset=utf-8",
        Content = JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))),
    };

    public static ContentResult Error(int statusCode, string sentence, string? releaseId = null) =>
        Json(statusCode, new ApiError(sentence, releaseId));

    /// <summary>A CSV download (UTF-8 with BOM) under the given file name.</summary>
    public static FileContentResult Csv(byte[] content, string fileName) =>
        new(content, "text/csv; charset=utf-8") { FileDownloadName = fileName };

    /// <summary>
    /// Reads a JSON body into one of the API's request records; an empty body is null, a body that is not JSON a
    /// 400 sentence showing <paramref name="example"/>.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, string example, CancellationToken cancellationToken)
        where T : class
    {
        var body = await UploadBody.ReadAsync(request, JsonLimit, cancellationToken);
        if (body.ToMemory().Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body.ToMemory().Span, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
        }
        catch (JsonException)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, $"The body is not JSON; send it like {example}.");
        }
    }

    /// <summary>Runs an endpoint: problems become their status code and sentence; anything else a 500 without internals.</summary>
    public static async Task<IActionResult> GuardAsync(ILogger logger, Func<Task<IActionResult>> endpoint)
    {
        try
        {
            return await endpoint();
        }
        catch (ReleaseProblemException problem)
        {
            return Error(StatusOf(problem.Kind), problem.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The API failed unexpectedly");
            return Error(StatusCodes.Status500InternalServerError, "Something went wrong on our side; try again, and tell an operator if it keeps happening.");
        }
    }

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The error body. <paramref name="Id"/> names the release when one was created anyway.</summary>
    public sealed record ApiError(string Error, string? Id = null);
}

/// <summary>Body of <c>POST /api/releases/{id}/test-send</c>: addresses, or none for the configured staff addresses.</summary>
public sealed record TestSendBody(IReadOnlyList<string>? Addresses, string? Language = null);

/// <summary>Body of <c>POST /api/suppressions</c> and <c>/api/suppressions/remove</c>.</summary>
public sealed record SuppressionBody(string? Email, string? Reason = null, string? Note = null);

/// <summary>Source-generated metadata for the API's own records; the pipeline's types come from <see cref="PipelineJson"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReleaseView))]
[JsonSerializable(typeof(IReadOnlyList<ReleaseSummary>))]
[JsonSerializable(typeof(ReleasePreview))]
[JsonSerializable(typeof(TestSendResult))]
[JsonSerializable(typeof(DeliveryReport))]
[JsonSerializable(typeof(ListCheck))]
[JsonSerializable(typeof(IReadOnlyList<MediaListInfo>))]
[JsonSerializable(typeof(Suppression))]
[JsonSerializable(typeof(IReadOnlyList<Suppression>))]
[JsonSerializable(typeof(IReadOnlyList<OperationRecord>))]
[JsonSerializable(typeof(TestSendBody))]
[JsonSerializable(typeof(SuppressionBody))]
[JsonSerializable(typeof(ApiResults.ApiError))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
