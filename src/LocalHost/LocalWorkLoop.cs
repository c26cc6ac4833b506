using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Local;

namespace PressPipeline.LocalHost;

/// <summary>
/// What the Functions host's blob, timer and queue triggers do in Azure, done every few seconds for the local host
/// (<see cref="LocalRunner"/>, as <c>presspipe run</c> does): a release scheduled "now" in the console is sent.
/// </summary>
internal sealed class LocalWorkLoop(LocalRunner runner, TimeSpan interval, LocalHostOptions options, ILogger<LocalWorkLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                foreach (var e in await runner.RunOnceAsync(stoppingToken))
                {
                    options.OnWork?.Invoke(e);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed round (storage briefly away) must not stop the host; the next round tries again.
                logger.LogError(e, "Processing uploads and due work failed; trying again in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
