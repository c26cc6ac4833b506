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
    /// The staff member to act as when a request carries no App Service Authentication principal, on the console and
    /// the staff API. Only the local hosts set it (<c>presspipe serve</c>; the Functions host through
    /// local.settings.json); on App Service it is ignored, and a request without a principal gets the sign-in page
    /// or the API's 401.
    /// </summary>
    public string? DevelopmentActor { get; set; }

    /// <summary>
    /// Whether the App Service principal headers may be believed. Null: yes, except on App Service (where
    /// <c>WEBSITE_SITE_NAME</c> is set) while its authentication is off (<c>WEBSITE_AUTH_ENABLED</c> is not true) —
    /// then nothing strips those headers from incoming requests and anyone could name themselves.
    /// </summary>
    public bool? TrustPrincipalHeaders { get; set; }

    /// <summary>
    /// HMAC key for the anti-forgery tokens of the console's forms. Empty: the link-signing secret
    /// (<c>Links:SigningSecret</c>), which every instance of the app already shares.
    /// </summary>
    public string AntiforgeryKey { get; set; } = "";

    /// <summary>How long a page's forms stay usable after the page was served.</summary>
    public TimeSpan FormLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>True when the app runs on App Service (Azure Functions in Azure): <c>WEBSITE_SITE_NAME</c> is set.</summary>
    public static bool OnAppService => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME"));

    /// <summary><see cref="TrustPrincipalHeaders"/>, or what the environment says when it is not set.</summary>
    public bool PrincipalHeadersTrusted => TrustPrincipalHeaders ?? (
        !OnAppService
        || string.Equals(Environment.GetEnvironmentVariable("WEBSITE_AUTH_ENABLED"), "true", StringComparison.OrdinalIgnoreCase));
}
