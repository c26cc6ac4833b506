using System.Net.Sockets;

namespace PressPipeline.Pipeline.Tests.Support;

/// <summary>The tests run against a real Azurite; this says so plainly when none is running.</summary>
public static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    public static void RequireRunning()
    {
        foreach (var port in new[] { 10000, 10001 })
        {
            using var client = new TcpClient();
            try
            {
                if (client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(2)) && client.Connected)
                {
                    continue;
                }
            }
            catch (AggregateException)
            {
                // Refused: reported below.
            }

            throw new InvalidOperationException(
                $"Azurite is not reachable on 127.0.0.1:{port}. Start it with `bash scripts/azurite.sh` (scripts/test.sh does this in CI).");
        }
    }
}
