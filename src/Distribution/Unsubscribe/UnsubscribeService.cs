using System.Net;
using Microsoft.Extensions.Logging;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Distribution.Tracking;

namespace PressPipeline.Distribution.Unsubscribe;

/// <summary>An HTTP answer the function returns as is.</summary>
public sealed record UnsubscribeResponse(int StatusCode, string Html);

/// <summary>
/// One-click unsubscribe per RFC 8058: POST with a valid token unsubscribes at once and answers 200 (no
/// redirect, no further step); GET only shows a page with a button that POSTs, because mail scanners
/// prefetch links. Unsubscribing twice is the same as once.
/// </summary>
public sealed class UnsubscribeService(UnsubscribeTokens tokens, SuppressionList suppressions, RecipientStatusStore status, ILogger<UnsubscribeService> logger)
{
    public async Task<UnsubscribeResponse> HandleAsync(string method, string? token, CancellationToken cancellationToken)
    {
        if (!tokens.TryRead(token, out var subject))
        {
            return new(400, Page("This unsubscribe link is not valid", "The link may have been cut off by your mail program. Please use the complete link from the e-mail, or reply to the e-mail and ask to be removed."));
        }

        if (!HttpMethods.IsPost(method))
        {
            var action = WebUtility.HtmlEncode("?t=" + token);
            return new(200, Page("Unsubscribe from press releases?",
                "You will no longer receive press releases from us by e-mail.",
                $"<form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form>"));
        }

        await suppressions.AddByIdAsync(subject.ContactId, SuppressionReason.Unsubscribed, subject.ReleaseId, cancellationToken);
        await status.MarkAsync(subject.ReleaseId, subject.ContactId, RecipientEvent.Unsubscribed, cancellationToken);
        logger.LogInformation("Contact {Contact} unsubscribed (release {Release}).", subject.ContactId, subject.ReleaseId);
        return new(200, Page("You are unsubscribed", "You will no longer receive our press releases by e-mail."));
    }

    private static string Page(string title, string text, string extra = "") =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
        $"<body style=\"font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em\"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{extra}</body></html>";

    private static class HttpMethods
    {
        public static bool IsPost(string method) => string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase);
    }
}
