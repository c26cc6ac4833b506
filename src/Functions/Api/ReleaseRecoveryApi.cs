using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Distribution.Sending;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Recovery;
using PressPipeline.Pipeline.Releases;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/resume</c>: a PartlySent release goes back to Sending and its send is queued again;
/// only recipients not yet accepted or held are mailed. 409 for a release that is not partly sent.
/// </summary>
public sealed class ResumeRelease(ReleaseRecovery recovery, ReleaseViews views, StaffSignIn signIn, ILogger<ResumeRelease> logger)
{
    [Function(nameof(ResumeRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/resume")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
            ApiResults.Json(StatusCodes.Status202Accepted, views.Of(await recovery.ResumeAsync(ReleaseId.Require(id), actor, cancellationToken))));
}

/// <summary><c>GET /api/releases/{id}/held-batches</c>: batches whose outcome is unknown, with what SendGrid reported for each.</summary>
public sealed class ListHeldBatches(ReleaseRecovery recovery, StaffSignIn signIn, ILogger<ListHeldBatches> logger)
{
    [Function(nameof(ListHeldBatches))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "releases/{id}/held-batches")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            RecoveryJson.Of([.. await recovery.HeldBatchesAsync(ReleaseId.Require(id), cancellationToken)]));
}

/// <summary>
/// <c>POST /api/releases/{id}/held-batches/{batch}/release</c>: staff checked SendGrid's activity for a held batch.
/// Marked accepted when SendGrid's webhook shows it took the batch, sent otherwise; the release is resumed (202).
/// </summary>
public sealed class ReleaseHeldBatch(ReleaseRecovery recovery, ReleaseViews views, StaffSignIn signIn, ILogger<ReleaseHeldBatch> logger)
{
    [Function(nameof(ReleaseHeldBatch))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/held-batches/{batch}/release")] HttpRequest request,
        string id,
        string batch,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
            ApiResults.Json(StatusCodes.Status202Accepted, views.Of(await recovery.ReleaseHeldBatchAsync(ReleaseId.Require(id), batch, actor, cancellationToken))));
}

/// <summary>JSON for the recovery answers, in the API's shape (camelCase, enums as names).</summary>
internal static class RecoveryJson
{
    private static readonly JsonSerializerOptions Options = PipelineJson.With(RecoveryJsonContext.Default);

    public static ContentResult Of(List<HeldBatch> held) => new()
    {
        StatusCode = StatusCodes.Status200OK,
        ContentType = "application/json; charset=utf-8",
        Content = JsonSerializer.Serialize(held, (JsonTypeInfo<List<HeldBatch>>)Options.GetTypeInfo(typeof(List<HeldBatch>))),
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<HeldBatch>))]
internal sealed partial class RecoveryJsonContext : JsonSerializerContext;
