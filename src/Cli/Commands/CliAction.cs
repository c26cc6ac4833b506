using Azure;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline;

namespace PressPipeline.Cli.Commands;

/// <summary>Runs a command body and turns known failures into one sentence and an exit code, never a stack trace.</summary>
internal static class CliAction
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ReleaseProblemException problem)
        {
            Say.Problem(problem.Message);
            return problem.Kind == ProblemKind.NotFound ? 3 : 2;
        }
        catch (OperationCanceledException)
        {
            Say.Step("Stopped.");
            return 130;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
        {
            Say.Problem($"Storage did not answer ({e.Message.Split('\n')[0]}); start Azurite with `bash scripts/azurite.sh` or set PressStorage to your account.");
            return 4;
        }
        catch (InvalidOperationException e)
        {
            Say.Problem(e.Message);
            return 1;
        }
    }
}
