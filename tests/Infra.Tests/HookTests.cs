using System.Text.RegularExpressions;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// Both editions of each azd hook (sh for posix, PowerShell for Windows) against a fake az: secrets are created only
/// when the vault says SecretNotFound, any other error stops the hook without writing, every az call names the
/// subscription, the Key Vault references are refreshed and waited for, and the two editions make the same calls.
/// </summary>
public sealed partial class HookTests : IDisposable
{
    private const string Site = $"/subscriptions/{HookRun.Subscription}/resourceGroups/rg-press-test/providers/Microsoft.Web/sites/func-test";
    private static readonly string[] Generated = ["links-signing-secret", "unsubscribe-signing-secret", "contacts-hash-key"];
    private static readonly string[] Required = ["Links__SigningSecret", "Unsubscribe__SigningSecret", "Contacts__HashKey", "SendGrid__ApiKey"];

    private readonly HookRun _az = new();

    public static TheoryData<HookEdition> Editions => new() { HookEdition.Sh, HookEdition.Pwsh };

    public void Dispose() => _az.Dispose();

    [Fact]
    public void Azure_yaml_wires_a_posix_and_a_Windows_edition_of_every_hook()
    {
        var azure = Yaml.Load(BuildFacts.InRepository("azure.yaml"));
        foreach (var hook in new[] { "postprovision", "postdeploy" })
        {
            Assert.Equal("sh", azure.At("hooks", hook, "posix").Text("shell"));
            Assert.Equal($"./infra/hooks/{hook}.sh", azure.At("hooks", hook, "posix").Text("run"));
            Assert.Equal("pwsh", azure.At("hooks", hook, "windows").Text("shell"));
            Assert.Equal($"./infra/hooks/{hook}.ps1", azure.At("hooks", hook, "windows").Text("run"));
            Assert.Equal("false", azure.At("hooks", hook, "windows").Text("continueOnError"));
        }

        // CI restores PowerShell from the tool manifest (dotnet tool restore), pinned.
        Assert.Matches("\"powershell\":\\s*\\{\\s*\"version\": \"7\\.6\\.10\"", File.ReadAllText(BuildFacts.InRepository(".config", "dotnet-tools.json")));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_fresh_vault_gets_each_generated_secret_once_through_a_file(HookEdition edition)
    {
        VaultAnswers(absent: [.. Generated, "sendgrid-webhook-public-key"]);
        References(resolved: Required);

        var run = _az.Run("postprovision", edition);

        Assert.True(run.ExitCode == 0, run.Describe());
        var sets = run.Calls.Where(call => call.StartsWith("keyvault secret set", StringComparison.Ordinal)).ToList();
        Assert.Equal(Generated, sets.Select(call => SecretName().Match(call).Groups["name"].Value));
        // 48 random bytes, base64: 64 characters in a file; never a value on the command line.
        Assert.All(sets, call => Assert.EndsWith("#file-bytes=64", call, StringComparison.Ordinal));
        Assert.DoesNotContain(run.Calls, call => call.Contains("--value", StringComparison.Ordinal));
        Assert.Contains("sendgrid-webhook-public-key is not set", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("every Key Vault reference the app needs is resolved", run.StandardOutput, StringComparison.Ordinal);
        AssertEveryCallNamesTheSubscription(run);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Existing_secrets_are_left_as_they_are(HookEdition edition)
    {
        VaultAnswers(absent: []);
        References(resolved: Required);

        var run = _az.Run("postprovision", edition);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain(run.Calls, call => call.StartsWith("keyvault secret set", StringComparison.Ordinal));
        Assert.Contains("contacts-hash-key already set; left as it is.", run.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HookEdition.Sh, "(Forbidden) Caller is not authorized to perform action on resource.")]
    [InlineData(HookEdition.Pwsh, "(Forbidden) Caller is not authorized to perform action on resource.")]
    [InlineData(HookEdition.Sh, "(TooManyRequests) Too many requests. Retry after 10 seconds.")]
    [InlineData(HookEdition.Pwsh, "(TooManyRequests) Too many requests. Retry after 10 seconds.")]
    public void Any_answer_but_not_found_stops_the_hook_without_writing(HookEdition edition, string error)
    {
        _az.On("*keyvault secret show*--name contacts-hash-key*", exitCode: 1, stderr: "ERROR: " + error);
        VaultAnswers(absent: ["links-signing-secret"]);
        References(resolved: Required);

        var run = _az.Run("postprovision", edition);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("could not tell whether contacts-hash-key exists in kv-test", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(error, run.StandardError, StringComparison.Ordinal);
        // links-signing-secret came first and was truly absent; contacts-hash-key is never overwritten.
        Assert.DoesNotContain(run.Calls, call => call.StartsWith("keyvault secret set", StringComparison.Ordinal) && call.Contains("contacts-hash-key", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Calls, call => call.StartsWith("rest", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_deleted_but_recoverable_secret_is_not_replaced(HookEdition edition)
    {
        _az.On("*keyvault secret set*--name contacts-hash-key*", exitCode: 1, stderr: "ERROR: (Conflict) Secret contacts-hash-key is currently in a deleted but recoverable state. Code: ObjectIsDeletedButRecoverable");
        VaultAnswers(absent: ["contacts-hash-key"]);

        var run = _az.Run("postprovision", edition);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"contacts-hash-key was deleted but can still be recovered", run.StandardError, StringComparison.Ordinal);
        Assert.Contains($"az keyvault secret recover --subscription {HookRun.Subscription} --vault-name kv-test --name contacts-hash-key", run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_missing_SendGrid_key_stops_the_hook_unless_the_outbox_is_chosen(HookEdition edition)
    {
        VaultAnswers(absent: ["sendgrid-api-key"]);
        References(resolved: Required[..3], unresolved: ("SendGrid__ApiKey", "sendgrid-api-key", "SecretNotFound"));

        var stopped = _az.Run("postprovision", edition);
        _az.Environment["MAIL_TRANSPORT"] = "Outbox";
        var outbox = _az.Run("postprovision", edition);

        Assert.NotEqual(0, stopped.ExitCode);
        Assert.Contains("sendgrid-api-key is not in kv-test and SendGrid is the transport", stopped.StandardError, StringComparison.Ordinal);
        Assert.Contains("azd env set MAIL_TRANSPORT Outbox", stopped.StandardError, StringComparison.Ordinal);
        Assert.True(outbox.ExitCode == 0, outbox.Describe());
        Assert.Contains("MAIL_TRANSPORT is Outbox", outbox.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void References_are_refreshed_until_every_one_is_resolved(HookEdition edition)
    {
        VaultAnswers(absent: []);
        References(resolved: [.. Required.Where(name => name != "Contacts__HashKey")], unresolved: ("Contacts__HashKey", "contacts-hash-key", "Initialized"), times: 1);
        References(resolved: Required);

        var run = _az.Run("postprovision", edition);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(2, run.Calls.Count(call => call.StartsWith($"rest --method post --url {Site}/config/configreferences/appsettings/refresh?", StringComparison.Ordinal)));
        Assert.Contains("waiting for Contacts__HashKey (secret contacts-hash-key: Initialized)", run.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_reference_that_never_resolves_stops_the_hook_naming_it(HookEdition edition)
    {
        VaultAnswers(absent: []);
        References(resolved: [.. Required.Where(name => name != "Contacts__HashKey")], unresolved: ("Contacts__HashKey", "contacts-hash-key", "AccessToKeyVaultDenied"));

        var run = _az.Run("postprovision", edition);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("App Service has not resolved Contacts__HashKey (secret contacts-hash-key: AccessToKeyVaultDenied); the app refuses to start until it does.", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, run.Calls.Count(call => call.Contains("/appsettings/refresh?", StringComparison.Ordinal)));
    }

    [Fact]
    public void Both_postprovision_editions_make_the_same_az_calls()
    {
        VaultAnswers(absent: ["unsubscribe-signing-secret"]);
        References(resolved: [.. Required.Where(name => name != "Links__SigningSecret")], unresolved: ("Links__SigningSecret", "links-signing-secret", "Initialized"), times: 1);
        References(resolved: Required);

        var sh = _az.Run("postprovision", HookEdition.Sh);
        var pwsh = _az.Run("postprovision", HookEdition.Pwsh);

        Assert.True(sh.ExitCode == 0 && pwsh.ExitCode == 0, sh.Describe() + pwsh.Describe());
        Assert.Equal(sh.Calls.Select(Normalised), pwsh.Calls.Select(Normalised));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Postdeploy_waits_for_the_webhook_key_and_deploys_the_subscription_without_it_on_the_command_line(HookEdition edition)
    {
        _az.On("functionapp keys list*", stdout: "", times: 1);
        _az.On("functionapp keys list*", stdout: "blobs-key-value-0123");
        _az.On("deployment group create*");

        var run = _az.Run("postdeploy", edition);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(2, run.Calls.Count(call => call.StartsWith("functionapp keys list", StringComparison.Ordinal)));
        var deploy = Assert.Single(run.Calls, call => call.StartsWith("deployment group create", StringComparison.Ordinal));
        Assert.Contains("eventgrid-subscription.bicep", deploy, StringComparison.Ordinal);
        Assert.Matches(@"--parameters @\S+", deploy);
        Assert.Contains("systemTopicName=evgt-test", deploy, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Calls, call => call.Contains("blobs-key-value", StringComparison.Ordinal));
        AssertEveryCallNamesTheSubscription(run);
    }

    [Fact]
    public void Both_postdeploy_editions_make_the_same_az_calls()
    {
        _az.On("functionapp keys list*", stdout: "blobs-key-value-0123");
        _az.On("deployment group create*");

        var sh = _az.Run("postdeploy", HookEdition.Sh);
        var pwsh = _az.Run("postdeploy", HookEdition.Pwsh);

        Assert.True(sh.ExitCode == 0 && pwsh.ExitCode == 0, sh.Describe() + pwsh.Describe());
        Assert.Equal(sh.Calls.Select(Normalised), pwsh.Calls.Select(Normalised));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_hook_without_the_subscription_stops_before_calling_az(HookEdition edition)
    {
        _az.Environment.Remove("AZURE_SUBSCRIPTION_ID");

        var run = _az.Run("postprovision", edition);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("AZURE_SUBSCRIPTION_ID is not set", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.Calls);
    }

    /// <summary>Answers for the vault: listing works; the named secrets are absent (SecretNotFound), the rest present.</summary>
    private void VaultAnswers(string[] absent)
    {
        _az.On("keyvault secret list*");
        foreach (var name in absent)
        {
            _az.On($"keyvault secret show*--name {name} *", exitCode: 3, stderr: $"ERROR: (SecretNotFound) A secret with (name/id) {name} was not found in this key vault.");
        }

        _az.On("keyvault secret show*", stdout: "https://kv-test.vault.azure.net/secrets/x/1");
        _az.On("keyvault secret set*");
    }

    /// <summary>
    /// Answers for the references: the refresh succeeds; the list (as the hooks' --query and tsv print it) holds the
    /// given settings, resolved or not.
    /// </summary>
    private void References(string[] resolved, (string Setting, string Secret, string Status)? unresolved = null, int times = 0)
    {
        if (times == 0)
        {
            _az.On("rest --method post*/config/configreferences/appsettings/refresh*");
        }
        else
        {
            _az.On("rest --method post*/config/configreferences/appsettings/refresh*", times: times);
        }

        var rows = resolved.Select(setting => (setting, Secret: SecretOf(setting), Status: "Resolved")).ToList();
        if (unresolved is { } pending)
        {
            rows.Add(pending);
        }

        var tsv = string.Join("\\n", rows.Select(row => $"{Site}/config/configreferences/appsettings/{row.Item1}\\t{row.Secret}\\t{row.Status}"));
        _az.On("rest --method get*/config/configreferences/appsettings?*", stdout: tsv, times: times);
    }

    private static string SecretOf(string setting) => setting switch
    {
        "Links__SigningSecret" => "links-signing-secret",
        "Unsubscribe__SigningSecret" => "unsubscribe-signing-secret",
        "Contacts__HashKey" => "contacts-hash-key",
        _ => "sendgrid-api-key",
    };

    private static void AssertEveryCallNamesTheSubscription(HookResult run)
    {
        Assert.NotEmpty(run.Calls);
        Assert.All(run.Calls, call => Assert.True(
            call.Contains($"--subscription {HookRun.Subscription}", StringComparison.Ordinal)
            // az rest has no --subscription option; the resource id in its URL names the subscription.
            || (call.StartsWith("rest ", StringComparison.Ordinal) && call.Contains($"--url /subscriptions/{HookRun.Subscription}/", StringComparison.Ordinal)),
            $"An az call without the subscription: {call}"));
    }

    /// <summary>Temporary file paths differ between runs; everything else must be identical.</summary>
    private static string Normalised(string call) => TemporaryPath().Replace(call, "${option} <file>");

    [GeneratedRegex(@"--name (?<name>[a-z-]+)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<option>--file|--template-file|--parameters @)\s?\S+")]
    private static partial Regex TemporaryPath();
}
