using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PressPipeline.Distribution.Unsubscribe;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Local;
using PressPipeline.StaffConsole;
using PressPipeline.Web;

namespace PressPipeline.LocalHost;

/// <summary>What the local host serves as and does besides answering requests.</summary>
/// <param name="StaffMember">The development principal: who the console records as doing things (no sign-in locally).</param>
/// <param name="WorkInterval">How often uploads, due sends and the work queue are processed, as the Functions host's triggers do in Azure; null for never (tests that drive the runner themselves).</param>
/// <param name="OnWork">Told what each round of that work did (the CLI prints it).</param>
public sealed record LocalHostOptions(string StaffMember, TimeSpan? WorkInterval = null, Action<RunEvent>? OnWork = null);

/// <summary>
/// The Functions app's HTTP surface on a laptop: Kestrel on localhost serving the staff console
/// (<see cref="StaffConsoleApp"/>) and the public routes a journalist's e-mail links to (<see cref="PublicRoutes"/>),
/// with the same handlers as the Functions app, over the same
/// services (<see cref="PipelineServiceCollectionExtensions.AddPressPipelineApp"/>). Routes are plain
/// <see cref="RequestDelegate"/>s so the host stays Native AOT compatible (presspipe is published AOT-compiled).
/// </summary>
public sealed class LocalWebHost : IAsyncDisposable
{
    /// <summary>Where the staff console lives on this host.</summary>
    public const string ConsoleRoot = "/console";

    private readonly WebApplication app;

    private LocalWebHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The root the host answers on, e.g. <c>http://localhost:7071/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The application's services (the tests use them to look at what a page did).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Starts the host on <paramref name="port"/> of localhost. Links in e-mails sent through it point at it
    /// (<c>Links:BaseUrl</c>, <c>Unsubscribe:BaseUrl</c>) unless the configuration names another address.
    /// </summary>
    public static async Task<LocalWebHost> StartAsync(IConfiguration configuration, int port, LocalHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = new Uri($"http://localhost:{port}/");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalWebHost).Assembly.GetName().Name });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(OwnAddress(configuration, address));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A port in use fails StartAsync below, and the caller says so in one sentence; not a stack trace first.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port));
        builder.Services.AddPressPipelineApp(builder.Configuration);
        builder.Services.AddStaffConsole(builder.Configuration, console => console.DevelopmentActor = options.StaffMember);
        if (options.WorkInterval is { } interval)
        {
            builder.Services.AddHostedService(services => new LocalWorkLoop(
                services.GetRequiredService<LocalRunner>(), interval, options, services.GetRequiredService<ILogger<LocalWorkLoop>>()));
        }

        var app = builder.Build();
        MapPublicRoutes(app);
        MapConsole(app);
        await app.StartAsync(cancellationToken);
        return new LocalWebHost(app, address);
    }

    /// <summary>Runs until the host is stopped (Ctrl+C) or <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private static void MapPublicRoutes(IEndpointRouteBuilder routes)
    {
        RequestDelegate signedFile = async context =>
        {
            var result = await PublicRoutes.SignedFileAsync(
                context.RequestServices.GetRequiredService<SignedFileReader>(),
                context,
                RouteValue(context, "id"),
                RouteValue(context, "path"),
                context.RequestAborted);
            await result.ExecuteAsync(context);
        };
        RequestDelegate unsubscribe = async context =>
        {
            var result = await PublicRoutes.UnsubscribeAsync(
                context.RequestServices.GetRequiredService<UnsubscribeService>(), context.Request, context.RequestAborted);
            await result.ExecuteAsync(context);
        };

        routes.MapGet(PublicRoutes.SignedFilePattern, signedFile);
        routes.MapMethods(PublicRoutes.UnsubscribePattern, [HttpMethods.Get, HttpMethods.Post], unsubscribe);
    }

    /// <summary>The staff console at /console, acting as the development principal (no sign-in on a laptop).</summary>
    private static void MapConsole(IEndpointRouteBuilder routes)
    {
        RequestDelegate console = context =>
            context.RequestServices.GetRequiredService<StaffConsoleApp>().HandleAsync(context, RouteValue(context, "path"));
        routes.MapMethods(ConsoleRoot, [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], console);
        routes.MapMethods(ConsoleRoot + "/{**path}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], console);
    }

    private static string RouteValue(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";

    /// <summary>Signed links and unsubscribe links of messages sent through this host lead back to it.</summary>
    private static Dictionary<string, string?> OwnAddress(IConfiguration configuration, Uri address)
    {
        var settings = new Dictionary<string, string?>();
        if (string.IsNullOrEmpty(configuration["Links:BaseUrl"]))
        {
            settings["Links:BaseUrl"] = address.AbsoluteUri.TrimEnd('/');
        }

        if (string.IsNullOrEmpty(configuration["Unsubscribe:BaseUrl"]))
        {
            settings["Unsubscribe:BaseUrl"] = new Uri(address, PublicRoutes.UnsubscribePattern.TrimStart('/')).AbsoluteUri;
        }

        return settings;
    }
}
