using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Pipeline;

namespace PressPipeline.Cli;

/// <summary>
/// The pipeline's and distribution's services for the terminal: the same registrations as the Functions app,
/// configured from environment variables (<c>PressStorage</c>, <c>Pipeline__…</c>, <c>Links__…</c>, <c>Mail__…</c>)
/// over local defaults. E-mail goes to a local outbox folder (<c>Mail:Transport=Outbox</c>) unless
/// <c>Mail__Transport=SendGrid</c> and <c>SendGrid__ApiKey</c> are set.
/// </summary>
internal static class CliServices
{
    private static readonly string[] LocalSecrets = ["Links:SigningSecret", "Unsubscribe:SigningSecret", "Contacts:HashKey"];

    /// <summary>Settings tests put over everything else (their own containers and tables on Azurite).</summary>
    internal static IReadOnlyDictionary<string, string?>? TestSettings { get; set; }

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = Configuration(overrides);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        // The one composition root of this host: the same registrations as the Functions app's Program.cs.
        services.AddPressPipelineApp(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>The settings every command runs with (<c>presspipe serve</c> hands them to its web host).</summary>
    public static IConfigurationRoot Configuration(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        overrides ??= TestSettings;
        var defaults = new Dictionary<string, string?>
        {
            ["PressStorage"] = "UseDevelopmentStorage=true",
            ["Pipeline:DefaultTimeZone"] = "Asia/Almaty",
            ["Mail:OutboxFolder"] = Path.Combine(StateFolder, "outbox"),
            // The outbox on purpose: a missing key never chooses it (docs/deploy.md, "Key Vault references").
            ["Mail:Transport"] = "Outbox",
            ["Mail:PostalAddress"] = "PressPipeline local run (no postal address configured)",
        };
        foreach (var (key, value) in LoadOrCreateSecrets())
        {
            defaults[key] = value;
        }

        return new ConfigurationBuilder()
            .AddInMemoryCollection(defaults)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }

    /// <summary>Local state of the CLI (git-ignored): the outbox and the generated local secrets.</summary>
    public static string StateFolder => Path.Combine(Directory.GetCurrentDirectory(), ".presspipe");

    /// <summary>
    /// Random secrets made once per checkout, so signed links, unsubscribe tokens and suppression hashes stay valid
    /// from one local run to the next. In Azure these come from Key Vault.
    /// </summary>
    private static Dictionary<string, string> LoadOrCreateSecrets()
    {
        var path = Path.Combine(StateFolder, "local-secrets.json");
        var secrets = File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllText(path), CliJson.Default.DictionaryStringString) ?? []
            : [];
        var missing = LocalSecrets.Where(key => !secrets.ContainsKey(key)).ToList();
        if (missing.Count > 0)
        {
            foreach (var key in missing)
            {
                secrets[key] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            }

            Directory.CreateDirectory(StateFolder);
            File.WriteAllText(path, JsonSerializer.Serialize(secrets, CliJson.Default.DictionaryStringString));
        }

        return secrets;
    }
}

/// <summary>Source-generated JSON metadata for the CLI's own files (the CLI is published AOT-compiled).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CliJson : JsonSerializerContext;
