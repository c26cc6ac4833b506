using System.Text;

namespace PressPipeline.Distribution.Configuration;

/// <summary>
/// What is wrong, if anything, with a secret the app reads from configuration. In Azure every secret setting is a
/// Key Vault reference; App Service resolves it only when the configuration changes, about every 24 hours, or when
/// the references are refreshed (the postprovision hook does that). Until then the app receives the literal
/// <c>@Microsoft.KeyVault(VaultName=…;SecretName=…)</c> text — which must never be used as a key: the vault name is
/// derived from the same token as the app's public host name, so anyone could sign with it.
/// </summary>
public static class SecretSetting
{
    /// <summary>The prefix App Service leaves in place when it has not resolved a reference.</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolvedReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One sentence naming the setting (as <c>Section:Key</c>) when its value is unusable, else null. Never includes
    /// the value.
    /// </summary>
    public static string? Problem(string setting, string? value, int minimumBytes = 1)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{setting} is not set; the app does not start without it (in Azure it is a Key Vault secret the postprovision hook creates: docs/deploy.md, \"Key Vault references\").";
        }

        if (IsUnresolvedReference(value))
        {
            return $"{setting} is still an unresolved Key Vault reference; the app does not start until App Service resolves it (check that the secret exists and the app's identity may read it, then run 'azd hooks run postprovision': docs/deploy.md, \"Key Vault references\").";
        }

        if (Encoding.UTF8.GetByteCount(value) < minimumBytes)
        {
            return $"{setting} is shorter than {minimumBytes} characters; set it to a random value at least that long.";
        }

        return null;
    }
}
