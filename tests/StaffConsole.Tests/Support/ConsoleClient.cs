using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Conversion;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.StaffConsole.Tests.Support;

/// <summary>A response of the console: status, headers and the parsed page.</summary>
public sealed record ConsoleResponse(int Status, IHeaderDictionary Headers, string Body, byte[]? Bytes = null)
{
    public IHtmlDocument Page { get; } = new HtmlParser().ParseDocument(Body);

    public string? Location => Headers.Location.ToString() is { Length: > 0 } location ? location : null;

    /// <summary>The anti-forgery token of the page's first form.</summary>
    public string Token => Page.QuerySelector($"input[name={ConsoleSecurity.TokenField}]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no form token.");
}

/// <summary>
/// Drives <see cref="StaffConsoleApp"/> with real <see cref="DefaultHttpContext"/>s, composed the way a host composes
/// it (<c>AddPressPipelineApp</c> + <c>AddStaffConsole</c>) on the storage, clock and SendGrid endpoint of an
/// <see cref="OperationsHarness"/>, as if served at http://console.test/console.
/// </summary>
public sealed class ConsoleClient : IAsyncDisposable
{
    public const string Origin = "http://console.test";

    private ConsoleClient(OperationsHarness harness, ServiceProvider services)
    {
        Harness = harness;
        Services = services;
        App = services.GetRequiredService<StaffConsoleApp>();
    }

    public OperationsHarness Harness { get; }

    public ServiceProvider Services { get; }

    public StaffConsoleApp App { get; }

    /// <summary>Extra headers every request carries (a principal, a language).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="developmentActor">What the local host would set; null as in Azure.</param>
    public static async Task<ConsoleClient> StartAsync(string? developmentActor = "officer@iom.example.org", IDictionary<string, string?>? settings = null, bool? trustPrincipalHeaders = null)
    {
        var harness = await OperationsHarness.StartAsync(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), ReleaseConverter.CreateDefault(), settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(harness.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(harness.Time);
        services.AddSingleton(ReleaseConverter.CreateDefault());
        services.AddPressPipelineApp(configuration);
        services.AddStaffConsole(configuration, options =>
        {
            options.DevelopmentActor = developmentActor;
            options.TrustPrincipalHeaders = trustPrincipalHeaders;
        });
        return new ConsoleClient(harness, services.BuildServiceProvider());
    }

    public Task<ConsoleResponse> GetAsync(string path) => SendAsync("GET", path, null, null);

    /// <summary>A form post as the browser sends it from a console page (same Origin).</summary>
    public Task<ConsoleResponse> PostAsync(string path, IDictionary<string, string> fields, string? origin = Origin)
    {
        var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return SendAsync("POST", path, (Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded"), origin);
    }

    public async Task<ConsoleResponse> PostFileAsync(string path, IDictionary<string, string> fields, string fileField, string fileName, byte[] file, string? origin = Origin)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, fileField, fileName);
        var bytes = await content.ReadAsByteArrayAsync();
        return await SendAsync("POST", path, (bytes, content.Headers.ContentType!.ToString()), origin);
    }

    /// <summary>A multipart form with several files, as a browser sends inputs with <c>multiple</c> (one part per file).</summary>
    public async Task<ConsoleResponse> PostFilesAsync(string path, IDictionary<string, string> fields, IEnumerable<(string Field, string Name, byte[] Bytes)> files, string? origin = Origin)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, name);
        }

        var body = await content.ReadAsByteArrayAsync();
        return await SendAsync("POST", path, (body, content.Headers.ContentType!.ToString()), origin);
    }

    public async Task<ConsoleResponse> SendAsync(string method, string path, (byte[] Body, string ContentType)? body, string? origin)
    {
        var context = new DefaultHttpContext();
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var route = query < 0 ? path : path[..query];
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("console.test");
        context.Request.Path = "/console" + route;
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        foreach (var (name, value) in Headers)
        {
            context.Request.Headers[name] = value;
        }

        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (body is { } b)
        {
            context.Request.ContentType = b.ContentType;
            context.Request.ContentLength = b.Body.Length;
            context.Request.Body = new MemoryStream(b.Body);
        }

        var response = new MemoryStream();
        context.Response.Body = response;
        await App.HandleAsync(context, route);
        return new ConsoleResponse(context.Response.StatusCode, context.Response.Headers, Encoding.UTF8.GetString(response.ToArray()), response.ToArray());
    }

    public static byte[] Sample(string name = "iom-roundtable-2014.docx") => RepositoryFile("samples", name);

    /// <summary>A file of the repository (samples, fixtures of other test projects), found from the test's folder.</summary>
    public static byte[] RepositoryFile(params string[] path)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PressPipeline.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        return File.ReadAllBytes(Path.Combine([root, .. path]));
    }

    /// <summary>Uploads the sample through the form and returns the release id from the redirect.</summary>
    public async Task<string> UploadSampleAsync(IDictionary<string, string>? fields = null)
    {
        var form = await GetAsync("/upload");
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { [ConsoleSecurity.TokenField] = form.Token };
        var posted = await PostFileAsync("/upload", values, "file", "iom-roundtable-2014.docx", Sample());
        Assert.Equal(StatusCodes.Status303SeeOther, posted.Status);
        var location = posted.Location!;
        Assert.StartsWith("/console/releases/", location, StringComparison.Ordinal);
        return location["/console/releases/".Length..].Split('?')[0];
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
