using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Configuration;

namespace PressPipeline.Pipeline.Links;

/// <summary>
/// Signed links need a real secret of at least 32 bytes. The length alone is not enough: an unresolved Key Vault
/// reference is longer than that, and its text is public knowledge (docs/deploy.md, "Key Vault references").
/// </summary>
internal sealed class LinkOptionsValidation : IValidateOptions<LinkOptions>
{
    public const int MinimumSecretBytes = 32;

    public ValidateOptionsResult Validate(string? name, LinkOptions options) =>
        SecretSetting.Problem("Links:SigningSecret", options.SigningSecret, MinimumSecretBytes) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
