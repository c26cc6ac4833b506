namespace PressPipeline.Pipeline.Links;

/// <summary>Configuration section "Links": how recipients reach a release before it is public.</summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>HMAC key for signed file links. Comes from Key Vault in Azure; never logged.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>Base URL of the Functions app, e.g. https://press.example.org (the links add /api/files/…).</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:7071");
}
