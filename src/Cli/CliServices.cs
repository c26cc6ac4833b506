using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Pipeline;

namespace PressPipeline.Cli;

/// <summary>
/// The pipeline's services for the terminal: the same registrations as the Functions app, configured from
/// environment variables (<c>PressStorage</c>, <c>Pipeline__…</c>, <c>Links__…</c>) with local defaults.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["PressStorage"] = "UseDevelopmentStorage=true",
            ["Pipeline:DefaultTimeZone"] = "Asia/Almaty",

            // Links printed locally only need to verify within this process; Azure takes the secret from Key Vault.
            ["Links:SigningSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(defaults)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPressPipeline(configuration);
        return services.BuildServiceProvider();
    }
}
