using Microsoft.Extensions.Options;
using PressPipeline.Distribution;
using PressPipeline.Distribution.Composition;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Operations;

/// <summary>The e-mail's subject as journalists will see it, and what the composer would warn about (size, attachment).</summary>
public sealed record EmailSummary(string Subject, string From, string? ReplyTo, IReadOnlyList<string> Problems);

/// <summary>The e-mail as one named recipient would open it: subject, HTML and text with their greeting in place.</summary>
public sealed record PersonalEmail(string Subject, string From, string Greeting, string Html, string Text);

/// <summary>
/// Builds the dispatch request a release would be sent with — its plan, or "now" with the document's own embargo when
/// it is not scheduled yet — and composes the e-mail the way the real send does, without sending anything.
/// </summary>
public sealed class EmailPreview(
    IReleaseContentSource content,
    ReleaseMailFactory mailFactory,
    ReleaseBlobStore store,
    DispatchRequests requests,
    TimeProvider time,
    IOptions<PipelineOptions> options)
{
    public async Task<DispatchRequest> RequestAsync(ReleaseStatus status, CancellationToken cancellationToken) =>
        requests.Build(status.Id, status.Plan ?? PlanAsIfNow(status), await store.RequireManifestAsync(status.Id, cancellationToken));

    public async Task<EmailSummary> SummaryAsync(ReleaseStatus status, CancellationToken cancellationToken)
    {
        var request = await RequestAsync(status, cancellationToken);
        var problems = new List<string>();
        var pdf = request.AttachPdf ? await content.LoadPdfAsync(status.Id, cancellationToken) : null;
        var mail = mailFactory.Create(request, await content.LoadAsync(status.Id, cancellationToken), pdf, problems);
        return new EmailSummary(mail.Subject, mail.From.Email, mail.ReplyTo?.Email, problems);
    }

    /// <summary>
    /// The e-mail composed as the real send composes it, with the greeting <paramref name="recipientName"/> would
    /// read; the unsubscribe link points nowhere (a preview must not carry a working one).
    /// </summary>
    public async Task<PersonalEmail> PersonalAsync(ReleaseStatus status, string? recipientName, CancellationToken cancellationToken)
    {
        var request = await RequestAsync(status, cancellationToken);
        var mail = mailFactory.Create(request, await content.LoadAsync(status.Id, cancellationToken), null, new List<string>());
        var greeting = BatchComposer.GreetingFor(mail.Language, recipientName);
        var html = new Dictionary<string, string>
        {
            [Substitutions.GreetingHtml] = System.Net.WebUtility.HtmlEncode(greeting),
            [Substitutions.UnsubscribeUrl] = "#unsubscribe-preview",
        };
        var text = new Dictionary<string, string>
        {
            [Substitutions.GreetingText] = greeting,
            [Substitutions.UnsubscribeUrl] = "(unsubscribe link)",
        };
        return new PersonalEmail(mail.Subject, mail.From.Email, greeting, Substitutions.Apply(mail.Html, html), Substitutions.Apply(mail.Text, text));
    }

    /// <summary>A release not yet scheduled is previewed and tested as if sent now, with the document's own embargo.</summary>
    private DeliveryPlan PlanAsIfNow(ReleaseStatus status)
    {
        var now = time.GetUtcNow();
        var line = status.ReleaseLine;
        return new DeliveryPlan([], [], now, line?.LiftsAt ?? now, line?.TimeZoneId ?? options.Value.DefaultTimeZone);
    }
}
