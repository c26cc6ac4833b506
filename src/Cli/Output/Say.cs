using PressPipeline.Pipeline.Local;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Time;
using Spectre.Console;

namespace PressPipeline.Cli.Output;

/// <summary>Readable console output: one line per step, states in colour, sentences as written.</summary>
internal static class Say
{
    public static void Step(string text) => AnsiConsole.MarkupLine($"[bold]›[/] {Markup.Escape(text)}");

    public static void Done(string text) => AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(text)}");

    public static void Problem(string text) => AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(text)}");

    public static void Line(string text) => AnsiConsole.MarkupLine(Markup.Escape(text));

    public static void Warning(string text) => AnsiConsole.MarkupLine($"  [yellow]warning:[/] {Markup.Escape(text)}");

    /// <summary>A media list's validation report: how many journalists it reaches, then each row to fix.</summary>
    public static void ListCheck(ListCheck check)
    {
        if (!check.Usable)
        {
            Problem($"List '{check.List}' cannot be used: {check.Problems[0].Message}");
            return;
        }

        Done($"List '{check.List}': {check.Contacts} contacts{(check.Stored ? ", stored" : ", not stored (check only)")}; {check.Problems.Count} row(s) will be skipped");
        foreach (var problem in check.Problems)
        {
            AnsiConsole.MarkupLine($"  [yellow]row {problem.Row}:[/] {Markup.Escape(problem.Message)}");
        }
    }

    public static void Event(RunEvent e)
    {
        var colour = e.Step switch
        {
            "error" or "poison" => "red",
            "dispatch" => "yellow",
            "work" => "green",
            _ => "blue",
        };
        var id = e.ReleaseId is null ? "" : $"[grey]{e.ReleaseId}[/] ";
        AnsiConsole.MarkupLine($"[{colour}]{e.Step,-8}[/] {id}{Markup.Escape(e.Message)}");
    }

    public static void Status(ReleaseStatus status)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(status.Title ?? status.SourceName)}[/]  [grey]{status.Id}[/]  {State(status.State)}");
        if (status.Plan is { } plan)
        {
            AnsiConsole.MarkupLine(Markup.Escape(
                $"  send {LocalTimes.ToLocalText(plan.SendAt, plan.TimeZoneId)}, publish {LocalTimes.ToLocalText(plan.PublishAt, plan.TimeZoneId)} ({plan.TimeZoneId}) to {string.Join(", ", plan.Lists)}"));
        }

        foreach (var line in status.Reasons.Concat(status.InstructionProblems))
        {
            AnsiConsole.MarkupLine($"  [red]{Markup.Escape(line)}[/]");
        }

        foreach (var warning in status.Warnings)
        {
            AnsiConsole.MarkupLine($"  [yellow]warning:[/] {Markup.Escape(warning.ToString())}");
        }

        if (status.PublishedAt is { } published)
        {
            AnsiConsole.MarkupLine($"  public since {published:yyyy-MM-dd HH:mm} UTC");
        }

        if (status.Held is { } held)
        {
            AnsiConsole.MarkupLine($"  [red]{Markup.Escape(held)}[/]");
        }

        if (status.Approval is { } approval)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  approved by {approval.By.Name} at {approval.At:yyyy-MM-dd HH:mm} UTC"));
        }

        foreach (var e in status.History)
        {
            var by = e.By is null ? "" : $" [grey]— {Markup.Escape(e.By.ToString())}[/]";
            AnsiConsole.MarkupLine($"  [grey]{e.At:yyyy-MM-dd HH:mm:ss}Z[/] {State(e.State)} {Markup.Escape(e.Message)}{by}");
        }
    }

    public static string State(ReleaseState state) => state switch
    {
        ReleaseState.Rejected or ReleaseState.PartlySent or ReleaseState.Failed => $"[red]{state}[/]",
        ReleaseState.Cancelled => $"[grey]{state}[/]",
        ReleaseState.Sent => $"[green]{state}[/]",
        _ => $"[blue]{state}[/]",
    };
}
