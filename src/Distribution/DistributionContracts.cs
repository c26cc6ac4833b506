namespace PressPipeline.Distribution;

/// <summary>
/// Everything the e-mail distribution needs to send one release, as the pipeline enqueues it at the
/// send time. Content is not inlined (queue messages are small); it is loaded through <see cref="IReleaseContentSource"/>.
/// </summary>
/// <param name="ReleaseId">Stable release id.</param>
/// <param name="Lists">Media list names (contacts/{list}.csv).</param>
/// <param name="Tags">Only contacts carrying one of these tags; empty for everyone on the lists.</param>
/// <param name="SendAt">When the e-mail goes out (UTC instant).</param>
/// <param name="PublishAt">Embargo lift (UTC instant); before it the subject says EMBARGOED.</param>
/// <param name="TimeZoneId">IANA zone the times were written in; shown to journalists.</param>
/// <param name="WebPageUrl">Link to the web page that works for recipients (signed before publish).</param>
/// <param name="PdfUrl">Link to the PDF that works for recipients (signed before publish).</param>
/// <param name="AttachPdf">Attach the PDF as well as linking it (size-checked).</param>
/// <param name="Correction">Set when this is the correction of a release already sent: it goes only to the
/// recipients the original send's ledger shows accepted, marked CORRECTED with staff's note, under a ledger of its own.</param>
/// <param name="Downloads">Files that go with the release, linked (never attached) from the HTML and text parts.</param>
public sealed record DispatchRequest(
    string ReleaseId,
    IReadOnlyList<string> Lists,
    IReadOnlyList<string> Tags,
    DateTimeOffset SendAt,
    DateTimeOffset PublishAt,
    string TimeZoneId,
    Uri? WebPageUrl,
    Uri? PdfUrl,
    bool AttachPdf = false,
    IReadOnlyList<DownloadLink>? Downloads = null,
    CorrectionNotice? Correction = null);

/// <summary>A file that goes with the release, as the e-mail links it: "bibliography.pdf (PDF, 1.2 MB)".</summary>
/// <param name="Name">The file name readers download.</param>
/// <param name="Url">The signed link that works before the lift and redirects to the newsroom after it.</param>
/// <param name="Type">Short type, the same in every language ("PDF", "JPG", "XLSX").</param>
/// <param name="Bytes">Size of the file.</param>
public sealed record DownloadLink(string Name, Uri Url, string Type, long Bytes);


/// <summary>
/// A correction after sending: which version of the release it is and what changed, in staff's words ("The date of
/// the round table was wrong: it is 22 May"), shown at the top of the e-mail.
/// </summary>
public sealed record CorrectionNotice(int Version, string Note)
{
    /// <summary>
    /// The correction generation's own ledger (and tracking id): its batches never mix with the original send's, so
    /// the original ledger stays as it was and nobody gets the same correction twice.
    /// </summary>
    public string LedgerIdOf(string releaseId) => $"{releaseId}-correction-{Version}";
}

/// <summary>How far a send is: batches done of those planned for this run.</summary>
public sealed record SendProgress(int BatchesDone, int BatchesPlanned);

/// <summary>The rendered release as the e-mail needs it.</summary>
/// <param name="Headline">Subject line source.</param>
/// <param name="Language">BCP 47 language of this version of the release (the e-mail's own few words follow it).</param>
/// <param name="Organisation">Sender organisation, if the document names one.</param>
/// <param name="MediaContactEmail">Reply-to taken from the release's media contacts block, if any.</param>
/// <param name="Html">The e-mail variant (CSS inlined).</param>
/// <param name="Text">The plain-text variant.</param>
/// <param name="WebPageUrl">This version's web page link; null to use the request's (the main version's).</param>
/// <param name="PdfUrl">This version's PDF link; null to use the request's.</param>
public sealed record ReleaseEmailContent(
    string Headline,
    string Language,
    string? Organisation,
    string? MediaContactEmail,
    string Html,
    string Text,
    Uri? WebPageUrl = null,
    Uri? PdfUrl = null);

/// <summary>Where distribution reads a release's rendered content from (implemented by the pipeline's storage).</summary>
public interface IReleaseContentSource
{
    /// <summary>The main version.</summary>
    Task<ReleaseEmailContent> LoadAsync(string releaseId, CancellationToken cancellationToken);

    /// <summary>The main version's PDF bytes for an optional attachment, or null when there is none.</summary>
    Task<ReadOnlyMemory<byte>?> LoadPdfAsync(string releaseId, CancellationToken cancellationToken);

    /// <summary>The languages of the release's versions as primary subtags, the main version's first.</summary>
    async Task<IReadOnlyList<string>> LanguagesAsync(string releaseId, CancellationToken cancellationToken) =>
        [Contacts.ContactListReader.PrimaryLanguage((await LoadAsync(releaseId, cancellationToken)).Language)];

    /// <summary>The version in <paramref name="language"/> (one of <see cref="LanguagesAsync"/>).</summary>
    Task<ReleaseEmailContent> LoadAsync(string releaseId, string language, CancellationToken cancellationToken) => LoadAsync(releaseId, cancellationToken);

    /// <summary>The PDF of the version in <paramref name="language"/>, or null.</summary>
    Task<ReadOnlyMemory<byte>?> LoadPdfAsync(string releaseId, string language, CancellationToken cancellationToken) => LoadPdfAsync(releaseId, cancellationToken);
}

/// <summary>Sends a release to its lists. Idempotent: calling it again never re-sends an accepted batch.</summary>
public interface IReleaseDistributor
{
    Task<DistributionReport> DistributeAsync(DispatchRequest request, CancellationToken cancellationToken);

    /// <summary>The same, reporting each batch as it is done (staff's doors show it as a live count).</summary>
    Task<DistributionReport> DistributeAsync(DispatchRequest request, IProgress<SendProgress>? progress, CancellationToken cancellationToken) =>
        DistributeAsync(request, cancellationToken);
}

/// <summary>What a distribution run did.</summary>
/// <param name="Recipients">Recipients after merging, de-duplication, filters and suppressions.</param>
/// <param name="ByLanguage">Recipients per language version they were routed to (after suppressions); null when not known.</param>
/// <param name="Suppressed">Contacts skipped because they are on the suppression list.</param>
/// <param name="BatchesAccepted">Batches SendGrid (or the outbox) accepted, including earlier runs.</param>
/// <param name="BatchesFailed">Batches that failed with a reason.</param>
/// <param name="Problems">Sentences for staff: failed batches, list rows that were skipped.</param>
/// <param name="BatchesUnknown">Batches whose outcome is unknown (timeout, crash mid-request): not resent
/// automatically, since SendGrid has no idempotency key; staff decide (the release is PartlySent).</param>
/// <param name="Blocked">Why nothing was sent at all (a chosen list is missing or unreadable, SendGrid's
/// sandbox check rejected the message), worded to follow "Nothing was sent: "; not repeated in
/// <paramref name="Problems"/>; null when the run went ahead.</param>
public sealed record DistributionReport(
    int Recipients,
    int Suppressed,
    int BatchesAccepted,
    int BatchesFailed,
    IReadOnlyList<string> Problems,
    int BatchesUnknown = 0,
    string? Blocked = null,
    IReadOnlyDictionary<string, int>? ByLanguage = null)
{
    /// <summary>True when every batch was accepted.</summary>
    public bool Complete => BatchesFailed == 0 && BatchesUnknown == 0 && Blocked is null;
}

/// <summary>
/// Sends a release to staff test addresses only: subject marked [TEST], no ledger, no lists, and tracked under
/// <see cref="TestReleaseId"/> so webhook events from it never count towards the real send. A release in several
/// languages is tested as each journalist would get it: one message per language version.
/// </summary>
public interface IReleaseTestSender
{
    /// <summary>To <c>Mail:TestRecipients</c>, every language version.</summary>
    Task<DistributionReport> SendTestAsync(DispatchRequest request, CancellationToken cancellationToken) =>
        SendTestAsync(request, [], null, cancellationToken);

    /// <summary>To <paramref name="addresses"/>, or to <c>Mail:TestRecipients</c> when none are given, every language version.</summary>
    Task<DistributionReport> SendTestAsync(DispatchRequest request, IReadOnlyList<string> addresses, CancellationToken cancellationToken) =>
        SendTestAsync(request, addresses, null, cancellationToken);

    /// <summary>
    /// One message per language version (<see cref="DistributionReport.ByLanguage"/> names those accepted), or only the
    /// version in <paramref name="language"/> when staff pick one.
    /// </summary>
    Task<DistributionReport> SendTestAsync(DispatchRequest request, IReadOnlyList<string> addresses, string? language, CancellationToken cancellationToken);

    /// <summary>The id a test send is tracked under (custom_args, outbox folder, unsubscribe token).</summary>
    static string TestReleaseId(string releaseId) => "test-" + releaseId;
}

/// <summary>Delivery counts per release, from the ledger and the SendGrid event webhook.</summary>
public sealed record DeliveryCounts(
    int Queued,
    int Accepted,
    int Delivered,
    int Bounced,
    int Opened,
    int Clicked,
    int Unsubscribed)
{
    public int Deferred { get; init; }

    public int Dropped { get; init; }

    public int SpamReported { get; init; }
}

/// <summary>Reads delivery counts for the status staff see.</summary>
public interface IDeliveryStatistics
{
    Task<DeliveryCounts> GetAsync(string releaseId, CancellationToken cancellationToken);
}
