namespace PressPipeline.StaffConsole;

/// <summary>Configuration section "StaffConsole": what the host tells the console about where and for whom it runs.</summary>
public sealed class StaffConsoleOptions
{
    public const string Section = "StaffConsole";

    /// <summary>
    /// The URL path the console lives under ("/console" locally, "/api/console" in the Functions app). Null: taken
    /// from each request (its path minus the part after the console's own root), which is right for both hosts.
    /// </summary>
    public string? BasePath { get; set; }

    /// <summary>
    /// The staff member to act as when a request carries no App Service Authentication principal. Only the local
    /// host (<c>presspipe serve</c>) sets it; in Azure it stays null and a request without a principal gets the
    /// sign-in page (401).
    /// </summary>
    public string? DevelopmentActor { get; set; }

    /// <summary>
    /// HMAC key for the anti-forgery tokens of the console's forms. Empty: the link-signing secret
    /// (<c>Links:SigningSecret</c>), which every instance of the app already shares.
    /// </summary>
    public string AntiforgeryKey { get; set; } = "";

    /// <summary>How long a page's forms stay usable after the page was served.</summary>
    public TimeSpan FormLifetime { get; set; } = TimeSpan.FromHours(12);
}
