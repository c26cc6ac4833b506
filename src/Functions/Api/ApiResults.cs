using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline;

namespace PressPipeline.Functions.Api;

/// <summary>JSON responses of the API: values in the pipeline's JSON shape, errors as <c>{ "error": "&lt;sentence&gt;" }</c>.</summary>
public static class ApiResults
{
    private static readonly JsonSerializerOptions Options = PipelineJson.With(ApiJsonContext.Default);

    public static ContentResult Json<T>(int statusCode, T value) => new()
    {
        StatusCode = statusCode,
        ContentType = "application/json; charset=utf-8",
        Content = JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))),
    };

    public static ContentResult Error(int statusCode, string sentence, string? releaseId = null) =>
        Json(statusCode, new ApiError(sentence, releaseId));

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
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The error body. <paramref name="Id"/> names the release when one was created anyway.</summary>
    public sealed record ApiError(string Error, string? Id = null);
}

/// <summary>Source-generated metadata for the API's own records; the pipeline's types come from <see cref="PipelineJson"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReleaseView))]
[JsonSerializable(typeof(List<ListReleases.ReleaseSummary>))]
[JsonSerializable(typeof(ApiResults.ApiError))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
