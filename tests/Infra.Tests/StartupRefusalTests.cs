using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution;
using PressPipeline.Distribution.Outbox;
using PressPipeline.Distribution.Sending;
using PressPipeline.Infra.Tests.Support;
using PressPipeline.Pipeline;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// The app refuses to start while a secret is empty or still the literal Key Vault reference (App Service passes the
/// reference text through until it resolves it), and the outbox is used only when chosen on purpose. The host here is
/// a generic host with the same two registrations as src/Functions/Program.cs; the Functions worker's host runs the
/// same start-up validation (IStartupValidator) when it starts. Nothing here touches storage: start-up only validates.
/// </summary>
public sealed class StartupRefusalTests
{
    private const string UnresolvedReference = "@Microsoft.KeyVault(VaultName=kv-abc123;SecretName={0})";

    public static TheoryData<string, string> SecretSettings => new()
    {
        { "Links:SigningSecret", "links-signing-secret" },
        { "Unsubscribe:SigningSecret", "unsubscribe-signing-secret" },
        { "Contacts:HashKey", "contacts-hash-key" },
    };

    [Fact]
    public async Task The_local_settings_example_starts_with_the_outbox_chosen_on_purpose()
    {
        using var host = Build(LocalSettingsExample.Values());

        await host.StartAsync();

        Assert.Equal("Outbox", LocalSettingsExample.Values()["Mail:Transport"]);
        Assert.IsType<OutboxTransport>(host.Services.GetRequiredService<IMailTransport>());
        await host.StopAsync();
    }

    [Theory]
    [MemberData(nameof(SecretSettings))]
    public async Task An_unresolved_Key_Vault_reference_stops_the_app_naming_the_setting(string setting, string secretName)
    {
        var settings = WithSetting(setting, string.Format(System.Globalization.CultureInfo.InvariantCulture, UnresolvedReference, secretName));
        using var host = Build(settings);

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith($"{setting} is still an unresolved Key Vault reference", refusal.Message, StringComparison.Ordinal);
        // The sentence names the setting, never the value.
        Assert.DoesNotContain("kv-abc123", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SecretSettings))]
    public async Task An_empty_secret_stops_the_app_naming_the_setting(string setting, string secretName)
    {
        Assert.NotEmpty(secretName);
        using var host = Build(WithSetting(setting, ""));

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith($"{setting} is not set", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_links_secret_stops_the_app()
    {
        using var host = Build(WithSetting("Links:SigningSecret", "too-short"));

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("Links:SigningSecret is shorter than 32 characters", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Mail_Transport_a_missing_SendGrid_key_stops_the_app_instead_of_choosing_the_outbox()
    {
        var settings = WithSetting("Mail:Transport", null);
        settings["SendGrid:ApiKey"] = "";
        using var host = Build(settings);

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("SendGrid:ApiKey is not set", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Mail:Transport is SendGrid", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unresolved_SendGrid_key_stops_the_app_when_SendGrid_is_the_transport()
    {
        var settings = WithSetting("Mail:Transport", "SendGrid");
        settings["SendGrid:ApiKey"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, UnresolvedReference, "sendgrid-api-key");
        using var host = Build(settings);

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("SendGrid:ApiKey is still an unresolved Key Vault reference", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_resolved_SendGrid_key_the_app_starts_and_sends_through_SendGrid()
    {
        var settings = WithSetting("Mail:Transport", "SendGrid");
        settings["SendGrid:ApiKey"] = "SG.test-only-key";
        using var host = Build(settings);

        await host.StartAsync();

        Assert.IsNotType<OutboxTransport>(host.Services.GetRequiredService<IMailTransport>());
        await host.StopAsync();
    }

    [Fact]
    public void Azure_passes_the_transport_explicitly_and_every_secret_as_a_reference()
    {
        var azure = AppSettings.Of(CompiledInfra.Main);

        // The parameter's default, resolved: SendGrid unless the operator chooses the outbox (MAIL_TRANSPORT=Outbox).
        Assert.Equal("SendGrid", azure["Mail__Transport"]);
        Assert.Equal(["SendGrid", "Outbox"], CompiledInfra.Main.ParameterDefinition("mailTransport")!["allowedValues"]!.AsArray().Select(value => value!.GetValue<string>()));
        foreach (var setting in new[] { "Links__SigningSecret", "Unsubscribe__SigningSecret", "Contacts__HashKey", "SendGrid__ApiKey" })
        {
            Assert.Contains(SecretSettingPrefix, azure[setting], StringComparison.Ordinal);
        }
    }

    private const string SecretSettingPrefix = "@Microsoft.KeyVault(";

    private static Dictionary<string, string?> WithSetting(string key, string? value)
    {
        var settings = LocalSettingsExample.Values().ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal);
        if (value is null)
        {
            settings.Remove(key);
        }
        else
        {
            settings[key] = value;
        }

        return settings;
    }

    private static IHost Build(IReadOnlyDictionary<string, string> settings) =>
        Build(settings.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal));

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddPressPipeline(builder.Configuration);
        builder.Services.AddPressDistribution(builder.Configuration);
        return builder.Build();
    }
}
