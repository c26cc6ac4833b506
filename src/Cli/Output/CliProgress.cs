using PressPipeline.Pipeline.Operations;
using Spectre.Console;

namespace PressPipeline.Cli.Output;

/// <summary>
/// Progress of long work: a live count on a terminal, plain lines (one per step, and at most one per thousand items)
/// when the output goes to a file or a pipe, so logs stay readable.
/// </summary>
internal static class CliProgress
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<OperationProgress>, Task<T>> work)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            return await AnsiConsole.Status().StartAsync(title, async context =>
                await work(new Progress<OperationProgress>(p => context.Status(Markup.Escape($"{title}: {Describe(p)}")))));
        }

        return await work(new PlainLines(title));
    }

    internal static string Describe(OperationProgress p) =>
        p.Total is { } total ? $"{p.Step} {p.Done:N0} of {total:N0}" : $"{p.Step} {p.Done:N0}";

    /// <summary>Synchronous on purpose: lines come out in order, between the command's own lines.</summary>
    private sealed class PlainLines(string title) : IProgress<OperationProgress>
    {
        private string? step;
        private int printedAt = -1;

        public void Report(OperationProgress value)
        {
            var finished = value.Total is { } total && value.Done >= total;
            if (value.Step != step || finished || value.Done - printedAt >= 1000)
            {
                step = value.Step;
                printedAt = value.Done;
                Say.Step($"{title}: {Describe(value)}");
            }
        }
    }
}
