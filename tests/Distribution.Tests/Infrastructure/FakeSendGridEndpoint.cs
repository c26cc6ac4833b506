using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PressPipeline.Distribution.Tests.Infrastructure;

/// <summary>How the endpoint answers one request.</summary>
public enum EndpointAnswer
{
    Accept,
    RateLimit,
    ServerError,
    Hang,
    BadRequest,

    /// <summary>502 from a gateway that never passed the request on.</summary>
    BadGateway,

    /// <summary>504 from a gateway that never passed the request on.</summary>
    GatewayTimeout,

    /// <summary>SendGrid queued the batch, but a gateway answered 500: the worst case a 5xx can hide.</summary>
    QueuedThenServerError,

    /// <summary>SendGrid queued the batch, but a gateway answered 502.</summary>
    QueuedThenBadGateway,

    /// <summary>SendGrid queued the batch; the answer never came back in time.</summary>
    QueuedThenHang,
}

/// <summary>
/// A local /v3/mail/send on Kestrel (127.0.0.1, random port) that the real SendGrid client talks to. It checks
/// every request against the v3 limits (≤ 1,000 personalizations and recipients, each address once, &lt; 30 MB,
/// custom_args &lt; 10,000 bytes, ≤ 10 categories, text/plain before text/html) and answers as scripted.
/// </summary>
public sealed class FakeSendGridEndpoint : IAsyncDisposable
{
    private const long MaxBytes = 30L * 1024 * 1024;
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<EndpointAnswer> _script = new();
    private int _requests;

    private FakeSendGridEndpoint(WebApplication app) => _app = app;

    /// <summary>Answers for the next requests, in order; afterwards every request is accepted.</summary>
    public void Then(params EndpointAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <summary>Forgets the script and every request seen (the fault campaign reuses one endpoint run after run).</summary>
    public void Reset()
    {
        _script.Clear();
        Requests.Clear();
        SandboxRequests.Clear();
    }

    public string Host { get; private set; } = "";

    /// <summary>Make the sandbox check fail as SendGrid does for, say, an unverified sender.</summary>
    public bool RejectSandbox { get; set; }

    /// <summary>Real (non-sandbox) requests that reached the endpoint, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Requests with mail_settings.sandbox_mode enabled.</summary>
    public ConcurrentQueue<ReceivedRequest> SandboxRequests { get; } = new();

    /// <summary>Anything a request did that SendGrid would refuse; tests assert it stays empty.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Recipients of requests answered 202: what SendGrid would deliver.</summary>
    public IEnumerable<string> DeliveredRecipients => Requests.Where(r => IsQueued(r.Answer)).SelectMany(r => r.Recipients);

    /// <summary>Answers for which SendGrid took the batch, whatever the caller heard.</summary>
    public static bool IsQueued(EndpointAnswer answer) =>
        answer is EndpointAnswer.Accept or EndpointAnswer.QueuedThenServerError or EndpointAnswer.QueuedThenBadGateway or EndpointAnswer.QueuedThenHang;

    /// <summary>How long <see cref="EndpointAnswer.Hang"/> keeps the caller waiting (longer than its attempt timeout).</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromSeconds(30);

    public int RequestCount => _requests;

    public static async Task<FakeSendGridEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
        var app = builder.Build();
        var endpoint = new FakeSendGridEndpoint(app);
        app.MapPost("/v3/mail/send", endpoint.HandleAsync);
        await app.StartAsync();
        endpoint.Host = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return endpoint;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var received = Inspect(buffer.ToArray(), context.Request.Headers.Authorization.ToString());
        if (received.Sandbox)
        {
            SandboxRequests.Enqueue(received);
            var problems = RejectSandbox ? ["The from address does not match a verified Sender Identity."] : received.Problems;
            context.Response.StatusCode = problems.Count == 0 ? 200 : 400;
            await WriteErrorsAsync(context, problems);
            return;
        }

        var answer = received.Problems.Count > 0 ? EndpointAnswer.BadRequest : _script.TryDequeue(out var next) ? next : EndpointAnswer.Accept;
        Requests.Enqueue(received with { Answer = answer });
        switch (answer)
        {
            case EndpointAnswer.Accept:
                context.Response.StatusCode = 202;
                context.Response.Headers["X-Message-Id"] = "msg-" + Guid.NewGuid().ToString("N")[..16];
                break;
            case EndpointAnswer.RateLimit:
                context.Response.StatusCode = 429;
                context.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                await WriteErrorsAsync(context, ["too many requests"]);
                break;
            case EndpointAnswer.ServerError or EndpointAnswer.QueuedThenServerError:
                context.Response.StatusCode = 500;
                await WriteErrorsAsync(context, ["internal error"]);
                break;
            case EndpointAnswer.BadGateway or EndpointAnswer.QueuedThenBadGateway:
                context.Response.StatusCode = 502;
                break;
            case EndpointAnswer.GatewayTimeout:
                context.Response.StatusCode = 504;
                break;
            case EndpointAnswer.Hang or EndpointAnswer.QueuedThenHang:
                // The answer never comes back in time.
                await Task.Delay(HangFor, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case EndpointAnswer.BadRequest:
                context.Response.StatusCode = 400;
                await WriteErrorsAsync(context, received.Problems.Count > 0 ? received.Problems : ["The from address does not match a verified Sender Identity."]);
                break;
        }
    }

    private static Task WriteErrorsAsync(HttpContext context, IReadOnlyList<string> problems) =>
        problems.Count == 0 ? Task.CompletedTask : context.Response.WriteAsJsonAsync(new { errors = problems.Select(p => new { message = p, field = "from" }) });

    private ReceivedRequest Inspect(byte[] body, string authorization)
    {
        var problems = new List<string>();
        if (body.LongLength >= MaxBytes)
        {
            problems.Add("request is 30 MB or larger");
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            problems.Add("no bearer token");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var personalizations = root.GetProperty("personalizations").EnumerateArray().ToArray();
        var recipients = personalizations
            .SelectMany(p => new[] { "to", "cc", "bcc" }.SelectMany(kind => p.TryGetProperty(kind, out var list) ? list.EnumerateArray() : []))
            .Select(a => a.GetProperty("email").GetString()!)
            .ToArray();
        if (personalizations.Length is 0 or > 1000)
        {
            problems.Add($"{personalizations.Length} personalizations (1 to 1,000 allowed)");
        }

        if (recipients.Length > 1000)
        {
            problems.Add($"{recipients.Length} recipients (1,000 allowed)");
        }

        if (recipients.Length != recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            problems.Add("an address appears more than once");
        }

        if (personalizations.Any(p => p.TryGetProperty("to", out var to) && to.GetArrayLength() != 1))
        {
            problems.Add("a personalization has more than one To: recipients would see each other");
        }

        var messageArgs = root.TryGetProperty("custom_args", out var args) ? args.GetRawText().Length : 0;
        if (personalizations.Any(p => messageArgs + (p.TryGetProperty("custom_args", out var pa) ? pa.GetRawText().Length : 0) >= 10_000))
        {
            problems.Add("custom_args of 10,000 bytes or more");
        }

        var categories = root.TryGetProperty("categories", out var c) ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
        if (categories.Length > 10 || categories.Any(x => x.Length > 255))
        {
            problems.Add("more than 10 categories or one longer than 255");
        }

        var contentTypes = root.GetProperty("content").EnumerateArray().Select(x => x.GetProperty("type").GetString()).ToArray();
        if (contentTypes.Length == 0 || contentTypes[0] != "text/plain")
        {
            problems.Add("content must start with text/plain");
        }

        if (!root.TryGetProperty("subject", out _) && personalizations.Any(p => !p.TryGetProperty("subject", out _)))
        {
            problems.Add("no subject");
        }

        foreach (var problem in problems)
        {
            Violations.Enqueue(problem);
        }

        var sandbox = root.TryGetProperty("mail_settings", out var settings) && settings.TryGetProperty("sandbox_mode", out var mode) && mode.GetProperty("enable").GetBoolean();
        var batchId = root.TryGetProperty("custom_args", out var custom) && custom.TryGetProperty("batch_id", out var b) ? b.GetString() ?? "" : "";
        return new ReceivedRequest(batchId, recipients, body.LongLength, sandbox, problems, EndpointAnswer.Accept, body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the endpoint saw it.</summary>
public sealed record ReceivedRequest(
    string BatchId,
    IReadOnlyList<string> Recipients,
    long Bytes,
    bool Sandbox,
    IReadOnlyList<string> Problems,
    EndpointAnswer Answer,
    byte[] Body);
