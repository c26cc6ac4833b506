using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Rendering;

/// <summary>
/// One output variant of a release. Renderers are peers: each reads only the model and the render
/// context, never the .docx and never another renderer's output.
/// </summary>
public interface IVariantRenderer
{
    /// <summary>Variant name used in the manifest: "web", "email", "text", "pdf".</summary>
    string Variant { get; }

    /// <summary>Renders the release; warnings go beside the file, not into logs.</summary>
    Result<RenderedFile> Render(PressRelease release, RenderContext context);

    /// <summary>
    /// Loads what the first render needs (templates, fonts, CSS machinery) so a cold process can do it while
    /// the document is still being read. Idempotent and thread-safe; a warm process finds it all done.
    /// </summary>
    void Prepare()
    {
    }

    /// <summary>
    /// Roughly how long a render takes next to the others (the text is 1). Renders run side by side and the
    /// costliest starts first, so a short one never holds up the start of the long one on a two-core machine.
    /// </summary>
    int RelativeCost => 1;
}

/// <summary>A file produced by a renderer (or an image taken from the package).</summary>
/// <param name="Variant">"web", "email", "text", "pdf" or "image".</param>
/// <param name="FileName">Path relative to the release folder, e.g. "index.html" or "images/image1.png".</param>
public sealed record RenderedFile(string Variant, string FileName, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>Where the variants will live, so renderers can write absolute links.</summary>
/// <param name="ImageBaseUrl">Base URL for images in the e-mail (absolute); null writes relative "images/…" paths.</param>
/// <param name="WebPageUrl">Link to the web page that works before and after the lift (the e-mail's "Read online"); null when unknown.</param>
/// <param name="PdfUrl">Link to the PDF, from the web page, the e-mail and the text; null when unknown.</param>
/// <param name="Organisation">Fallback organisation name when the document names none.</param>
/// <param name="CanonicalUrl">The web page's permanent public address, for canonical and Open Graph tags; <paramref name="WebPageUrl"/> when null.</param>
public sealed record RenderContext(
    Uri? ImageBaseUrl = null,
    Uri? WebPageUrl = null,
    Uri? PdfUrl = null,
    string? Organisation = null,
    Uri? CanonicalUrl = null)
{
    /// <summary>
    /// Every language version of the release, this one marked current, for hreflang links and the language switch;
    /// empty (or one) when the release has no other version, and then nothing about languages is written.
    /// </summary>
    public IReadOnlyList<VersionLink> Versions { get; init; } = [];

    /// <summary>
    /// The files staff added to the release, which the web page and the text list for download (the e-mail gets them
    /// from distribution); empty when there are none, and then no list is written.
    /// </summary>
    public IReadOnlyList<AssetLink> Assets { get; init; } = [];

    /// <summary>Context for a local conversion with relative links.</summary>
    public static RenderContext Local { get; } = new();

    /// <summary>
    /// Replaces the document's release line in what is rendered, given the line the document wrote: staff's plan
    /// ("publish now", or a publish time later than the document's embargo) decides what journalists are told.
    /// The model <see cref="ConvertedRelease.Release"/> keeps the document's own line. Null renders it as written.
    /// </summary>
    public Func<Model.ReleaseInstruction, Model.ReleaseInstruction>? ShownReleaseLine { get; init; }
}
