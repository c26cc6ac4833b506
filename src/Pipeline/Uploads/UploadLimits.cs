using System.Globalization;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Assets;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>The kinds of bytes staff send, each with its own limit (<see cref="UploadLimits"/>).</summary>
public enum UploadKind
{
    /// <summary>A Word document: a release, a correction or a translation (<see cref="PipelineOptions.MaxUploadBytes"/>).</summary>
    Document,

    /// <summary>A media list (CSV) (<see cref="PipelineOptions.MaxListBytes"/>).</summary>
    List,

    /// <summary>Files that go with a release, together (<see cref="AssetOptions.MaxReleaseBytes"/>).</summary>
    Files,

    /// <summary>The console's upload form: a document with its translations and files (the two limits added).</summary>
    Release,

    /// <summary>Any other form or JSON body (a schedule, a suppression): small by nature.</summary>
    Form,
}

/// <summary>
/// One limit and the sentence that refuses what is past it, the same at every door (API, console, CLI, uploads
/// container), so staff read the same number wherever they tried.
/// </summary>
public sealed record UploadLimit(UploadKind Kind, long Bytes)
{
    /// <summary>"50 MB", or "256 KB" below a megabyte (a limit set small in a test or a trial).</summary>
    public string Size => Format(Bytes);

    /// <summary>The number of <see cref="Size"/> and its unit ("MB", "KB"), for a sentence in another language.</summary>
    public (long Amount, string Unit) SizeParts => Bytes >= Megabyte ? (Bytes / Megabyte, "MB") : (Bytes / 1024, "KB");

    /// <summary>The sentence staff read (English: the API, the CLI, the history); the console says it in the page's language.</summary>
    public string Sentence => Kind switch
    {
        UploadKind.Document => $"The file is larger than {Size}: compress the pictures in Word (Picture Format › Compress Pictures) and upload it again.",
        UploadKind.List => $"The list is larger than {Size}; split it into several lists.",
        UploadKind.Files => $"These files are more than the {Size} a release's files may take together; send fewer or smaller files.",
        UploadKind.Release => $"This upload is larger than {Size}, what a document with its translations and files may be together: upload the Word document first, then add the files on its page.",
        _ => $"The request is larger than {Size}; send less at once.",
    };

    /// <summary>The console label that says <see cref="Sentence"/> ({0}: the size in the page's units).</summary>
    public string LabelKey => "too_large_" + Kind.ToString().ToLowerInvariant();

    public ReleaseProblemException Refusal() => new(ProblemKind.TooLarge, Sentence);

    /// <summary>Refuses <paramref name="bytes"/> past the limit.</summary>
    public void Require(long bytes)
    {
        if (bytes > Bytes)
        {
            throw Refusal();
        }
    }

    /// <summary>
    /// Refuses the files of one request: each document or list on its own, a release's files together; the
    /// console's upload form and small forms are bounded as a whole only (their parts are checked where they are used).
    /// </summary>
    public void RequireFiles(IReadOnlyCollection<long> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        switch (Kind)
        {
            case UploadKind.Document or UploadKind.List:
                Require(sizes.DefaultIfEmpty().Max());
                break;
            case UploadKind.Files:
                Require(sizes.Sum());
                break;
        }
    }

    public static string Format(long bytes) =>
        bytes >= Megabyte
            ? (bytes / Megabyte).ToString(CultureInfo.InvariantCulture) + " MB"
            : (bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";

    private const long Megabyte = 1024 * 1024;
}

/// <summary>
/// The limit of each kind of upload, from the options operators set (<c>Pipeline:MaxUploadBytes</c>,
/// <c>Pipeline:MaxListBytes</c>, <c>Assets:MaxReleaseBytes</c>); every door asks here.
/// </summary>
public sealed class UploadLimits(IOptions<PipelineOptions> pipeline, IOptions<AssetOptions> assets)
{
    /// <summary>A form without files, or a JSON body: a schedule, addresses, a suppression.</summary>
    public const long FormBytes = 1024 * 1024;

    public UploadLimit Document => new(UploadKind.Document, pipeline.Value.MaxUploadBytes);

    public UploadLimit List => new(UploadKind.List, pipeline.Value.MaxListBytes);

    public UploadLimit Files => new(UploadKind.Files, assets.Value.MaxReleaseBytes);

    /// <summary>The console's upload form may carry a document, its translations and files: the document's limit and the files' together.</summary>
    public UploadLimit Release => new(UploadKind.Release, pipeline.Value.MaxUploadBytes + assets.Value.MaxReleaseBytes);

    public UploadLimit Form => new(UploadKind.Form, FormBytes);
}
