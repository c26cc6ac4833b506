using System.CommandLine;
using PressPipeline.Cli.Output;
using PressPipeline.LocalHost;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe serve [--port 7071] [--run demo…]</c>: the Functions app's pages and links on localhost against
/// Azurite (started if none answers) — the staff console at /console and the routes a journalist's e-mail links to
/// (signed files, unsubscribe) — with the same handlers, while uploads and due sends are processed every few
/// seconds as the Functions triggers do. Ctrl-C stops it.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The port the Functions host uses locally, which <c>Links:BaseUrl</c> names by default.</summary>
    public const int DefaultPort = 7071;

    public static readonly Uri DefaultAddress = new($"http://localhost:{DefaultPort}/");

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on localhost.", DefaultValueFactory = _ => DefaultPort };
        var every = new Option<int>("--every") { Description = "Seconds between rounds of processing uploads and due sends.", DefaultValueFactory = _ => 5 };
        var run = new Option<string?>("--run") { Description = "Serve the containers of a `presspipe demo` run (the name it printed, demo<yyyyMMddHHmmss>)." };

        var command = new Command("serve", $"Serve the staff console and the links in e-mails on {DefaultAddress} until Ctrl-C.") { port, every, run };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            if (!await DemoCommand.EnsureAzuriteAsync(DemoCommand.RepositoryRoot(), cancellationToken))
            {
                return 4;
            }

            var actor = CliActor.From(parse);
            var settings = parse.GetValue(run) is { Length: > 0 } name ? DemoCommand.RunSettings(name) : null;
            var options = new LocalHostOptions(actor.Name, TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(every))), Say.Event);
            LocalWebHost host;
            try
            {
                host = await LocalWebHost.StartAsync(CliServices.Configuration(settings), parse.GetValue(port), options, cancellationToken);
            }
            catch (IOException e)
            {
                Say.Problem($"Port {parse.GetValue(port)} is not free ({e.Message}); stop what uses it, or choose another: presspipe serve --port {parse.GetValue(port) + 1}.");
                return 2;
            }

            await using (host)
            {
                Say.Done($"Staff console: {host.Address}console (as {actor.Name}); links in e-mails: {host.Address}api/files/…, {host.Address}api/unsubscribe");
                Say.Step("Processing uploads and due sends every few seconds; Ctrl-C stops.");
                try
                {
                    await host.WaitForShutdownAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C: the host stops below.
                }
            }

            Say.Done("Stopped.");
            return 0;
        }));
        return command;
    }
}
