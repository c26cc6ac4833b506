using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Composition;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Suppressions;

namespace PressPipeline.Distribution.Sending;

/// <summary>
/// Sends a release to its media lists in ledgered batches. Safe to run again at any time: batches the
/// ledger shows as Accepted, Sending or Unknown are never sent again; Failed and unsent ones are.
/// Each contact is routed to one language version (<see cref="RecipientSelector.Route"/>) and batches are planned
/// per language, so a batch is one version; since the ledger holds every contact in at most one batch row of the
/// release, nobody ever gets two versions of one release.
/// </summary>
public sealed class ReleaseDistributor(
    IReleaseContentSource content,
    MediaListStore mediaLists,
    ContactIdentity identity,
    SuppressionList suppressions,
    IBatchLedger ledger,
    ReleaseMailFactory mailFactory,
    BatchComposer composer,
    IMailTransport transport,
    IOptions<SendGridOptions> sendGrid,
    IOptions<MailOptions> mail,
    ILogger<ReleaseDistributor> logger) : IReleaseDistributor, IReleaseTestSender
{
    /// <summary>SendGrid's whole-request limit (attachments count base64-encoded).</summary>
    public const long MaxRequestBytes = 30L * 1024 * 1024;

    /// <summary>A test is for a few staff members, not a hidden list.</summary>
    public const int MaxTestRecipients = 20;

    public Task<DistributionReport> DistributeAsync(DispatchRequest request, CancellationToken cancellationToken) =>
        DistributeAsync(request, null, cancellationToken);

    /// <summary>
    /// Sends to the lists' recipients the ledger does not show as accepted or held. A correction
    /// (<see cref="DispatchRequest.Correction"/>) goes only to those the original send's ledger shows accepted and
    /// who are not suppressed now, under the correction's own ledger.
    /// </summary>
    public async Task<DistributionReport> DistributeAsync(DispatchRequest request, IProgress<SendProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (request.Lists.Count == 0)
        {
            return Blocked("no media list was chosen.", problems);
        }

        if (Conversion.Time.ZoneTable.Resolve(request.TimeZoneId) is null)
        {
            return Blocked($"'{request.TimeZoneId}' is not a time zone of the zone table (write it like Asia/Almaty, GMT or UTC+5).", problems);
        }

        var languages = await content.LanguagesAsync(request.ReleaseId, cancellationToken);
        var lists = new List<ContactListResult>();
        foreach (var name in request.Lists.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            lists.Add(await mediaLists.LoadAsync(name, cancellationToken));
        }

        problems.AddRange(lists.SelectMany(l => l.Problems).Select(p => p.ToString()));
        if (lists.FirstOrDefault(l => l.Unusable) is { } unusable)
        {
            return Blocked($"media list '{unusable.List}' could not be used ({unusable.Problems[0].Message})", problems);
        }

        var routed = RecipientSelector.Route(lists, languages, request.Tags)
            .Select(c => (Recipient: new Recipient(identity.IdOf(c.Contact.Email), c.Contact.Email, c.Contact.Name), c.Language))
            .ToArray();
        var audience = routed.Select(r => r.Recipient).ToArray();
        var languageOf = routed.DistinctBy(r => r.Recipient.ContactId, StringComparer.Ordinal).ToDictionary(r => r.Recipient.ContactId, r => r.Language, StringComparer.Ordinal);
        var suppressed = await suppressions.LoadAsync(cancellationToken);
        var recipients = audience.Where(r => !suppressed.Contains(r.ContactId)).ToArray();
        var suppressedCount = audience.Length - recipients.Length;
        var ledgerId = request.ReleaseId;
        if (request.Correction is { } correction)
        {
            // Those the original send reached; nobody new, nobody who unsubscribed or was suppressed since.
            var reached = (await ledger.ListAsync(request.ReleaseId, cancellationToken))
                .Where(e => e.State == BatchState.Accepted)
                .SelectMany(e => e.Members)
                .ToHashSet(StringComparer.Ordinal);
            recipients = [.. recipients.Where(r => reached.Contains(r.ContactId))];
            suppressedCount = audience.Count(r => reached.Contains(r.ContactId) && suppressed.Contains(r.ContactId));
            ledgerId = correction.LedgerIdOf(request.ReleaseId);
        }
        var byLanguage = recipients.GroupBy(r => languageOf[r.ContactId], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var recipientIds = recipients.Select(r => r.ContactId).ToArray();
        var byId = recipients.DistinctBy(r => r.ContactId, StringComparer.Ordinal).ToDictionary(r => r.ContactId, StringComparer.Ordinal);
        var before = await ledger.ListAsync(ledgerId, cancellationToken);
        var firstToSend = FirstToSend(before, byId, sendGrid.Value.BatchSize);
        logger.LogInformation("Release {Release}: {Recipients} recipients, {Suppressed} suppressed, {Rows} batches in the ledger.",
            request.ReleaseId, recipients.Length, suppressedCount, before.Count);

        var notAttempted = 0;
        if (firstToSend is not null)
        {
            // One message per language version, composed when its first batch goes out.
            var mails = new Dictionary<string, ReleaseMail>(StringComparer.Ordinal);
            async Task<ReleaseMail> MailInAsync(string language)
            {
                if (!mails.TryGetValue(language, out var made))
                {
                    var version = await content.LoadAsync(request.ReleaseId, language, cancellationToken);
                    var pdf = request.AttachPdf ? await content.LoadPdfAsync(request.ReleaseId, language, cancellationToken) : null;
                    made = mails[language] = mailFactory.Create(request, version, pdf, problems) with { ReleaseId = ledgerId };
                }

                return made;
            }

            string LanguageOfBatch(IEnumerable<string> members) =>
                members.Where(languageOf.ContainsKey).Select(m => languageOf[m]).FirstOrDefault() ?? languages[0];

            // Checked before anything is written: a message SendGrid refuses leaves no trace in the ledger.
            var firstMail = await MailInAsync(LanguageOfBatch(firstToSend.Members.Select(m => m.ContactId)));
            if (await SandboxRejectionAsync(firstMail, firstToSend, cancellationToken) is { } rejection)
            {
                return Blocked($"SendGrid's sandbox check of the first batch failed: {rejection}", problems, recipients.Length, suppressedCount);
            }

            // Planned language by language: every batch row holds contacts of one version only.
            IReadOnlyList<LedgerEntry> planned = [];
            foreach (var language in languages.Distinct(StringComparer.Ordinal))
            {
                planned = await ledger.PlanAsync(ledgerId, [.. recipientIds.Where(id => languageOf[id] == language)], sendGrid.Value.BatchSize, cancellationToken);
            }

            var sendable = planned.Where(e => e.State is BatchState.Pending or BatchState.Failed && e.Members.Any(byId.ContainsKey)).ToArray();
            for (var i = 0; i < sendable.Length; i++)
            {
                progress?.Report(new SendProgress(i, sendable.Length));
                var releaseMail = await MailInAsync(LanguageOfBatch(sendable[i].Members));
                var stop = await SendBatchAsync(ledgerId, releaseMail, sendable[i], byId, suppressed, cancellationToken);
                if (stop is not null)
                {
                    notAttempted = sendable.Length - i - 1;
                    if (notAttempted > 0)
                    {
                        problems.Add(request.Correction is null
                            ? $"{notAttempted} more batch(es) were not attempted after: {stop} Staff resume the release to send them (presspipe resume, or POST /api/releases/{request.ReleaseId}/resume)."
                            : $"{notAttempted} more batch(es) of the correction were not attempted after: {stop} Send the same correction again (same file and note) to send them; nobody gets it twice.");
                    }

                    break;
                }
            }

            progress?.Report(new SendProgress(sendable.Length - notAttempted, sendable.Length));
        }

        return await ReportAsync(ledgerId, recipients.Length, suppressedCount, byId, suppressed, problems, cancellationToken) with { ByLanguage = byLanguage };
    }

    /// <summary>Staff decision after checking SendGrid's activity: the held batch never left, send it on the next run.</summary>
    public Task<bool> AllowResendAsync(string releaseId, string batchId, CancellationToken cancellationToken) =>
        ledger.AllowResendAsync(releaseId, batchId, "staff allowed a resend after an unknown outcome", cancellationToken);

    public Task<DistributionReport> SendTestAsync(DispatchRequest request, CancellationToken cancellationToken) =>
        SendTestAsync(request, [], null, cancellationToken);

    public Task<DistributionReport> SendTestAsync(DispatchRequest request, IReadOnlyList<string> addresses, CancellationToken cancellationToken) =>
        SendTestAsync(request, addresses, null, cancellationToken);

    public async Task<DistributionReport> SendTestAsync(DispatchRequest request, IReadOnlyList<string> addresses, string? language, CancellationToken cancellationToken)
    {
        var given = addresses.Count > 0
            ? addresses.SelectMany(a => a.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()
            : mail.Value.TestRecipients.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (given.FirstOrDefault(a => !EmailAddressRules.IsDeliverable(a)) is { } bad)
        {
            return Blocked($"'{bad}' is not an e-mail address.", []);
        }

        var to = given.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (to.Length == 0)
        {
            return Blocked("no test address was given and Mail:TestRecipients names none.", []);
        }

        if (to.Length > MaxTestRecipients)
        {
            return Blocked($"a test goes to at most {MaxTestRecipients} addresses; send the release to a media list instead.", []);
        }

        var versions = await content.LanguagesAsync(request.ReleaseId, cancellationToken);
        IReadOnlyList<string> languages = versions;
        if (!string.IsNullOrWhiteSpace(language))
        {
            var picked = ContactListReader.PrimaryLanguage(language);
            if (!versions.Contains(picked, StringComparer.Ordinal))
            {
                return Blocked($"the release has no version in '{language.Trim()}'; pick one of {string.Join(", ", versions)}, or none for every version.", []);
            }

            languages = [picked];
        }

        var problems = new List<string>();
        var batch = BatchPlanner.Plan(to.Select(a => new Recipient(identity.IdOf(a), a, null)), BatchPlanner.SendGridLimit)[0];
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        var failed = 0;
        var unknown = 0;
        foreach (var version in languages)
        {
            var release = await content.LoadAsync(request.ReleaseId, version, cancellationToken);
            var pdf = request.AttachPdf ? await content.LoadPdfAsync(request.ReleaseId, version, cancellationToken) : null;
            var releaseMail = mailFactory.Create(request, release, pdf, problems);

            // Tracked under its own id: webhook events and unsubscribe links of a test never touch the real send's counts.
            releaseMail = releaseMail with { ReleaseId = IReleaseTestSender.TestReleaseId(request.ReleaseId), Subject = "[TEST] " + releaseMail.Subject };
            var batchId = versions.Count < 2 ? "test-" + batch.Id : $"test-{batch.Id}-{version}";
            var outcome = await transport.SendAsync(releaseMail.ReleaseId, batchId, composer.Compose(releaseMail, batchId, batch.Members), cancellationToken);
            logger.LogInformation("Test send of release {Release} ({Language}) to {Count} address(es): {Outcome}", request.ReleaseId, version, to.Length, outcome.GetType().Name);

            // Which version a sentence is about matters only when there are several.
            var which = versions.Count < 2 ? "The test e-mail" : $"The test e-mail in {Conversion.Rendering.LanguageNames.Native(version)} ({version})";
            switch (outcome)
            {
                case SendOutcome.Accepted:
                    accepted[version] = to.Length;
                    break;
                case SendOutcome.Failed f:
                    failed++;
                    problems.Add($"{which} was not sent: {f.Reason}");
                    break;
                case SendOutcome.Unknown u:
                    unknown++;
                    problems.Add($"{which} may not have been sent: {u.Reason}");
                    break;
                default:
                    throw new InvalidOperationException("Unexpected outcome.");
            }
        }

        return new DistributionReport(to.Length, 0, accepted.Count, failed, problems, unknown, ByLanguage: accepted);
    }

    /// <summary>Sends one planned batch through the ledger; returns a reason when the rest of the run should stop.</summary>
    private async Task<string?> SendBatchAsync(
        string releaseId, ReleaseMail releaseMail, LedgerEntry entry, IReadOnlyDictionary<string, Recipient> audience, SuppressionSnapshot suppressed, CancellationToken cancellationToken)
    {
        // Suppressions are checked again before every batch: an unsubscribe during a long run counts.
        await suppressions.RefreshAsync(suppressed, cancellationToken);
        var members = entry.Members
            .Where(id => !suppressed.Contains(id))
            .Select(id => audience.TryGetValue(id, out var recipient) ? recipient : null)
            .OfType<Recipient>()
            .ToArray();
        if (members.Length == 0)
        {
            return null;
        }

        var claimed = await ledger.TryClaimAsync(entry, members.Select(r => r.ContactId).ToArray(), cancellationToken);
        if (claimed is null)
        {
            logger.LogInformation("Batch {Batch} of release {Release} was claimed by another run; not sending it again.", entry.BatchId, releaseId);
            return null;
        }

        var batch = new PlannedBatch(entry.BatchId, members);
        var message = composer.Compose(releaseMail, batch.Id, members);
        var outcome = releaseMail.Pdf is not null && message.Serialize().Length >= MaxRequestBytes
            ? new SendOutcome.Failed($"the request would be {MaxRequestBytes / 1024 / 1024} MB or more with the PDF attached; send it without the attachment.", StopRun: true)
            : await transport.SendAsync(releaseId, batch.Id, message, cancellationToken);

        // The after-write: from here on a rerun knows this batch's fate.
        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                await ledger.RecordAsync(claimed, BatchState.Accepted, accepted.MessageId, null, cancellationToken);
                logger.LogInformation("Batch {Batch} of release {Release} accepted ({Count} recipients, message id {MessageId}).", batch.Id, releaseId, members.Length, accepted.MessageId);
                return null;
            case SendOutcome.Failed failed:
                await ledger.RecordAsync(claimed, BatchState.Failed, null, failed.Reason, cancellationToken);
                logger.LogWarning("Batch {Batch} of release {Release} failed: {Reason}", batch.Id, releaseId, failed.Reason);
                return failed.StopRun ? failed.Reason : null;
            case SendOutcome.Unknown unknown:
                await ledger.RecordAsync(claimed, BatchState.Unknown, null, unknown.Reason, cancellationToken);
                logger.LogWarning("Batch {Batch} of release {Release}: outcome unknown: {Reason}", batch.Id, releaseId, unknown.Reason);
                return unknown.Reason;
            default:
                throw new InvalidOperationException("Unexpected outcome.");
        }
    }

    private async Task<string?> SandboxRejectionAsync(ReleaseMail releaseMail, PlannedBatch first, CancellationToken cancellationToken)
    {
        if (!transport.CanValidate || !sendGrid.Value.SandboxCheck)
        {
            return null;
        }

        var outcome = await transport.ValidateAsync(composer.Compose(releaseMail, first.Id, first.Members, sandbox: true), cancellationToken);
        return outcome switch
        {
            SendOutcome.Accepted => null,
            SendOutcome.Failed f => f.Reason,
            SendOutcome.Unknown u => u.Reason,
            _ => "unexpected outcome",
        };
    }

    private async Task<DistributionReport> ReportAsync(
        string releaseId, int recipients, int suppressedCount, IReadOnlyDictionary<string, Recipient> audience, SuppressionSnapshot suppressed, List<string> problems, CancellationToken cancellationToken)
    {
        var entries = await ledger.ListAsync(releaseId, cancellationToken);
        var accepted = entries.Count(e => e.State == BatchState.Accepted);
        var unknown = entries.Where(e => e.State is BatchState.Unknown or BatchState.Sending).ToArray();

        // A failed or never-claimed row matters while one of its members is still to be sent (in the audience, not suppressed).
        var outstanding = entries
            .Where(e => e.State is BatchState.Failed or BatchState.Pending)
            .Where(e => e.Members.Any(m => audience.ContainsKey(m) && !suppressed.Contains(m)))
            .ToArray();

        foreach (var failed in outstanding)
        {
            problems.Add($"Batch {failed.BatchId} ({Count(failed.Members.Count)}) was not sent: {failed.Reason ?? "the run stopped before it was sent."}");
        }

        foreach (var entry in unknown)
        {
            var reason = entry.State == BatchState.Sending ? "a run stopped while sending it" : entry.Reason;
            problems.Add($"Batch {entry.BatchId} ({Count(entry.Members.Count)}) may or may not have been sent ({reason}). " +
                "It is held, not resent automatically, so nobody gets the release twice: check SendGrid's activity, then release the batch (presspipe release-batch).");
        }

        return new DistributionReport(recipients, suppressedCount, accepted, outstanding.Length, problems, unknown.Length);
    }

    /// <summary>
    /// The first batch this run would send (a Pending or Failed row with members still in the audience, else the
    /// first batch of recipients no row holds yet), for the sandbox check; null when there is nothing to send.
    /// </summary>
    private static PlannedBatch? FirstToSend(IReadOnlyList<LedgerEntry> entries, IReadOnlyDictionary<string, Recipient> audience, int batchSize)
    {
        if (entries.FirstOrDefault(e => e.State is BatchState.Pending or BatchState.Failed && e.Members.Any(audience.ContainsKey)) is { } row)
        {
            return new PlannedBatch(row.BatchId, [.. row.Members.Where(audience.ContainsKey).Select(id => audience[id])]);
        }

        var held = entries.SelectMany(e => e.Members).ToHashSet(StringComparer.Ordinal);
        return BatchPlanner.Plan(audience.Values.Where(r => !held.Contains(r.ContactId)), batchSize).FirstOrDefault();
    }

    private static string Count(int recipients) =>
        recipients == 1 ? "1 recipient" : string.Create(CultureInfo.InvariantCulture, $"{recipients:N0} recipients");

    /// <summary>Nothing is sent; <paramref name="why"/> completes "Nothing was sent: …" (the pipeline's status line).</summary>
    private static DistributionReport Blocked(string why, List<string> problems, int recipients = 0, int suppressed = 0) =>
        new(recipients, suppressed, 0, 0, problems, 0, why);
}
