using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion;
using PressPipeline.Functions.Api;
using PressPipeline.Functions.Dispatch;
using PressPipeline.Functions.Files;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// Function classes built from the real services (real converter, the app's composition root) on Azurite, and HTTP
/// requests for them, with the headers App Service Authentication would add.
/// </summary>
internal static class FunctionHarness
{
    public static Task<OperationsHarness> StartAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null) =>
        OperationsHarness.StartAsync(now, ReleaseConverter.CreateDefault(), settings);

    /// <summary>The name the local Functions host acts as for a request without a principal (local.settings.json.example).</summary>
    public const string DevelopmentActor = "developer@localhost";

    /// <summary>
    /// The staff sign-in rule of a host: by default the local Functions host's (principal headers believed, the
    /// development actor for a request without one); <c>SignIn(developmentActor: null)</c> is Azure with sign-in on.
    /// </summary>
    public static StaffSignIn SignIn(string? developmentActor = DevelopmentActor, bool trustPrincipalHeaders = true) =>
        new(Options.Create(new StaffConsoleOptions { DevelopmentActor = developmentActor, TrustPrincipalHeaders = trustPrincipalHeaders }));

    /// <summary>A function class from the app's services; staff routes get <paramref name="signIn"/> (default: <see cref="SignIn"/>()).</summary>
    public static T Function<T>(this OperationsHarness harness, StaffSignIn? signIn = null) => Create<T>(harness.Services, signIn);

    /// <summary>The pipeline alone (recording distributor), for the trigger functions.</summary>
    public static PipelineHarness Start(DateTimeOffset now) => PipelineHarness.Start(now, ReleaseConverter.CreateDefault());

    public static T Function<T>(this PipelineHarness harness, StaffSignIn? signIn = null) => Create<T>(harness.Services, signIn);

    private static T Create<T>(IServiceProvider services, StaffSignIn? signIn) =>
        typeof(T).GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(StaffSignIn)))
            ? ActivatorUtilities.CreateInstance<T>(services, signIn ?? SignIn())
            : ActivatorUtilities.CreateInstance<T>(services);

    /// <summary>Follows a link an e-mail carries (<c>/api/files/{id}/{grant}/{file}</c>) through the signed-file function.</summary>
    public static async Task<IActionResult> OpenAsync(this PipelineHarness harness, Uri link, string id) =>
        await harness.Function<SignedFile>().Run(Json("GET"), id, Uri.UnescapeDataString(link.AbsolutePath[$"/api/files/{id}/".Length..]), default);

    /// <summary>What the timer trigger and then the queue trigger would do next: dispatch what is due, then work the queue.</summary>
    public static async Task RunTimerAndQueueAsync(this PipelineHarness harness)
    {
        await harness.Function<DispatchDue>().Run(new TimerInfo(), default);
        foreach (var message in await harness.Get<WorkQueue>().ReceiveAsync(32, TimeSpan.FromMinutes(1), default))
        {
            await harness.Function<DoReleaseWork>().Run(message.Body, default);
        }
    }

    /// <summary>Adds the signed-in staff member as App Service Authentication passes it on.</summary>
    public static HttpRequest As(this HttpRequest request, string name)
    {
        request.Headers[StaffPrincipal.NameHeader] = name;
        return request;
    }

    /// <summary>A raw body (a CSV upload).</summary>
    public static HttpRequest Body(string method, string body, string contentType = "text/csv")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }

    public static HttpRequest Multipart(byte[]? docx, IReadOnlyDictionary<string, string> fields, params (string Field, string FileName, byte[] Content)[] moreFiles)
    {
        using var form = new MultipartFormDataContent();
        if (docx is not null)
        {
            var file = new ByteArrayContent(docx);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            form.Add(file, "file", "release.docx");
        }

        foreach (var (field, fileName, content) in moreFiles)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, field, fileName);
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        context.Request.Body = new MemoryStream(form.ReadAsByteArrayAsync().GetAwaiter().GetResult());
        return context.Request;
    }

    public static HttpRequest Json(string method, string? body = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? ""));
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        return context.Request;
    }

    /// <summary>Status code and parsed JSON body of an API answer.</summary>
    public static (int Status, JsonElement Body) Read(IActionResult result)
    {
        if (result is HttpResultAction)
        {
            var served = Serve(result);
            Assert.StartsWith("application/json", served.ContentType, StringComparison.Ordinal);
            return (served.Status, JsonDocument.Parse(served.Body).RootElement.Clone());
        }

        var content = Assert.IsType<ContentResult>(result);
        Assert.StartsWith("application/json", content.ContentType, StringComparison.Ordinal);
        return (content.StatusCode!.Value, JsonDocument.Parse(content.Content!).RootElement.Clone());
    }

    /// <summary>
    /// What a route shared with the local host (<see cref="HttpResultAction"/>) writes to the response, executed the
    /// way the Functions integration executes it.
    /// </summary>
    public static ServedResponse Serve(IActionResult result)
    {
        var action = Assert.IsType<HttpResultAction>(result);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var body = new MemoryStream();
        context.Response.Body = body;
        action.ExecuteResultAsync(new ActionContext { HttpContext = context }).GetAwaiter().GetResult();
        return new ServedResponse(context.Response.StatusCode, context.Response.ContentType ?? "", context.Response.Headers.Location.ToString(), body.ToArray());
    }
}

/// <summary>Status, content type, Location header and body bytes of an executed answer.</summary>
internal sealed record ServedResponse(int Status, string ContentType, string Location, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
