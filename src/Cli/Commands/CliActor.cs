using System.CommandLine;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// Who runs <c>presspipe</c>: the OS user, or <c>--as name</c> (e.g. the staff member's sign-in name when an operator
/// acts for them). Recorded with the cli door in the release's history and the operations log.
/// </summary>
internal static class CliActor
{
    public static readonly Option<string?> AsOption = new("--as")
    {
        Description = "Record this name as the person doing it (default: the OS user).",
        Recursive = true,
    };

    public static Actor From(ParseResult parse) =>
        Actor.Of(parse.GetValue(AsOption) is { Length: > 0 } name ? name : Environment.UserName, Door.Cli);
}
