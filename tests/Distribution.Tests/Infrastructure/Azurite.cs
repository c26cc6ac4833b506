using System.Diagnostics;
using System.Net.Sockets;

namespace PressPipeline.Distribution.Tests.Infrastructure;

/// <summary>Real local Azure Storage: reuses a running Azurite or starts one with scripts/azurite.sh.</summary>
public static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    private static readonly Lazy<bool> Started = new(Start);

    public static void EnsureRunning()
    {
        if (!Started.Value)
        {
            throw new InvalidOperationException("Azurite is not running and scripts/azurite.sh could not start it.");
        }
    }

    /// <summary>A lower-case, letters-and-digits name no other test (or helper) uses.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    private static bool Start()
    {
        if (Listening(10000) && Listening(10002))
        {
            return true;
        }

        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "PressPipeline.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        if (root is null)
        {
            return false;
        }

        using var script = Process.Start(new ProcessStartInfo("bash", "scripts/azurite.sh") { WorkingDirectory = root, RedirectStandardOutput = true })!;
        script.WaitForExit(60_000);
        return Listening(10000) && Listening(10002);
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
