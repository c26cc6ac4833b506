namespace PressPipeline.Pipeline;

/// <summary>
/// Names of the storage containers and queue the pipeline uses, and its defaults. Configuration section
/// "Pipeline". Tests give each class unique names so several runs can share one Azurite.
/// </summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Where staff drop .docx files (and optional sidecar JSON). The blob trigger path uses the default.</summary>
    public string UploadsContainer { get; set; } = StorageNames.Uploads;

    /// <summary>Private: originals, variants, manifest.json and status.json per release.</summary>
    public string ReleasesContainer { get; set; } = StorageNames.Releases;

    /// <summary>Public at the publish time: the web page, PDF and images.</summary>
    public string NewsroomContainer { get; set; } = StorageNames.Newsroom;

    /// <summary>The schedule index: one small blob per due send or publish.</summary>
    public string ScheduleContainer { get; set; } = StorageNames.Schedule;

    /// <summary>The queue the dispatcher fills and the work function drains.</summary>
    public string WorkQueue { get; set; } = StorageNames.WorkQueue;

    /// <summary>Zone used when neither the staff nor the document names one.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Organisation name renderers fall back to when the document names none.</summary>
    public string? Organisation { get; set; }

    /// <summary>
    /// Base URL under which the newsroom container is publicly served (a CDN or static site in front of it);
    /// empty means the container's own blob URL.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Two-person rule: a release is sent (and published) only when someone other than its uploader approved it
    /// before its send time; otherwise it is held with a sentence and never sent.
    /// </summary>
    public bool RequireApproval { get; set; }

    /// <summary>Table of the operations log (who did what to lists, suppressions and releases).</summary>
    public string OperationsTable { get; set; } = StorageNames.OperationsTable;

    /// <summary>
    /// The largest upload accepted, in bytes, checked while the file streams in and before it is kept in memory:
    /// the converter's own package limit (50 MB) unless set.
    /// </summary>
    public long MaxUploadBytes { get; set; } = Conversion.Docx.ConversionLimits.Default.MaxPackageBytes;

    /// <summary>
    /// Megabytes of PDF layouts the staff console keeps in memory to paint page images from (<c>PdfPagePreview</c>),
    /// by each layout's estimate of what it holds; the least recently looked at leave first. A text release's layout
    /// weighs 0.1–5 MB, one with photos about the photos' bytes (the 16 MB, 30-photo release: 15 MB); see
    /// docs/console.md. The layout last made is kept even when it alone is larger. infra/ sets a sixteenth of the
    /// instance memory (128 MB of 2,048 MB, 32 of 512).
    /// </summary>
    public int PdfPreviewCacheMegabytes { get; set; } = 128;

    /// <summary>
    /// The largest media list (CSV) accepted, in bytes, by every door (API, console, CLI): 20 MB unless set, larger
    /// than any list we expect (100,000 rows is about 10 MB).
    /// </summary>
    public long MaxListBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>How many times a work item may fail before it is set aside (mirrors host.json maxDequeueCount).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// How long one hold of a release's write lease lasts unless renewed (<see cref="Releases.ReleaseWriteLock"/>):
    /// the time a crashed holder keeps others out. The blob service takes 15 to 60 seconds; others are clamped.
    /// </summary>
    public TimeSpan ReleaseLeaseLength { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a held lease is renewed, so a long change (three languages rendered again) keeps it: a third of its length.</summary>
    public TimeSpan ReleaseLeaseRenewal { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a change waits for another change of the same release to finish before staff are told to try
    /// again: long enough for a settle under load, short enough that a page or an API call gets an answer.
    /// </summary>
    public TimeSpan ReleaseLeaseWait { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>Default storage names, shared with the trigger attributes (which need constants).</summary>
public static class StorageNames
{
    public const string Connection = "PressStorage";
    public const string Uploads = "uploads";
    public const string Releases = "releases";
    public const string Newsroom = "newsroom";
    public const string Schedule = "schedule";
    public const string WorkQueue = "release-work";
    public const string OperationsTable = "operations";
}
