using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Recovery;
using PressPipeline.Pipeline.Releases;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe resume &lt;id&gt;</c>: the way out of PartlySent, over the same service as the API.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Release id (20 hex characters)." };
        var actor = RecoveryOptions.Actor();
        var command = new Command("resume", "Send a partly sent release to the recipients not yet accepted or held (nobody is mailed twice).") { id, actor };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var status = await services.GetRequiredService<ReleaseRecovery>()
                .ResumeAsync(ReleaseId.Require(parse.GetValue(id)), RecoveryOptions.ActorOf(parse, actor), cancellationToken);
            Say.Done($"Release {status.Id} is {status.State}: its send is queued; the app sends it within a minute (on this machine: `presspipe run --once`).");
            return 0;
        }));
        return command;
    }
}

/// <summary>The <c>--as</c> option: who is acting, for the release's history (default: the OS user).</summary>
internal static class RecoveryOptions
{
    public static Option<string?> Actor() => new("--as") { Description = "Who is acting, for the release's history (default: your user name)." };

    public static string ActorOf(ParseResult parse, Option<string?> option) =>
        $"{(parse.GetValue(option) is { Length: > 0 } given ? given : Environment.UserName)} (cli)";
}
