using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe test-send &lt;id&gt; [--to me@example.org,…] [--language ru]</c>: the release marked [TEST] to a few
/// staff addresses (default <c>Mail:TestRecipients</c>), one message per language version unless one is picked; never
/// counted, never in the real send's ledger.
/// </summary>
internal static class TestSendCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var to = new Option<string?>("--to") { Description = "Addresses, comma-separated (default: Mail__TestRecipients)." };
        var language = new Option<string?>("--language") { Description = "Only the version in this language (ru, kk, en…); default: every version." };
        var command = new Command("test-send", "Send a release marked [TEST] to staff addresses, one message per language version.") { id, to, language };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var result = await services.GetRequiredService<ReleaseOperations>().TestSendAsync(
                parse.GetValue(id)!, ReleaseInstructions.SplitList(parse.GetValue(to)), CliActor.From(parse), cancellationToken, parse.GetValue(language));
            if (result.Languages is { Count: > 1 } versions)
            {
                Say.Done($"Test e-mails of release {result.ReleaseId} ({string.Join(", ", versions)}) sent to {result.Addresses} address(es).");
            }
            else if (result.Sent)
            {
                Say.Done($"Test e-mail of release {result.ReleaseId} sent to {result.Addresses} address(es).");
            }

            foreach (var problem in result.Problems)
            {
                Say.Problem(problem);
            }

            return result.Sent ? 0 : 2;
        }));
        return command;
    }
}
