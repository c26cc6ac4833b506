using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Pipeline.Tests.Support;

/// <summary>
/// A converter for tests that are about the pipeline, not conversion: it opens the real .docx with the Open XML
/// SDK, takes the first paragraphs as release line and title, and writes one small file per variant. The
/// end-to-end tests use <see cref="ReleaseConverter.CreateDefault"/>.
/// </summary>
public static class PipelineConverterDouble
{
    public static ReleaseConverter Create() => new(new FirstParagraphsReader(), [
        new TinyRenderer("web", ReleaseIntakeNames.Web, "text/html"),
        new TinyRenderer("email", "email.html", "text/html"),
        new TinyRenderer("text", "release.txt", "text/plain"),
        new TinyRenderer("pdf", ReleaseIntakeNames.Pdf, "application/pdf"),
    ]);

    private static class ReleaseIntakeNames
    {
        public const string Web = Uploads.ReleaseIntake.WebFileName;
        public const string Pdf = Uploads.ReleaseIntake.PdfFileName;
    }

    private sealed class FirstParagraphsReader : IDocxReader
    {
        public Result<PressRelease> Read(Stream docx)
        {
            List<string> paragraphs;
            try
            {
                using var document = WordprocessingDocument.Open(docx, false);
                paragraphs = [.. document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)];
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
            {
                throw new DocumentRejectedException(RejectionKind.NotAWordDocument, "The file is not a Word document (.docx); save it from Word as .docx and upload it again.", e);
            }

            var line = ReleaseInstructionOf(paragraphs.FirstOrDefault() ?? "");
            var rest = line is ReleaseInstruction.NotStated ? paragraphs : paragraphs.Skip(1).ToList();
            var metadata = new ReleaseMetadata(
                rest.FirstOrDefault() ?? "Untitled",
                null,
                "en-GB",
                TextDirection.LeftToRight,
                line,
                null,
                "IOM",
                null,
                null,
                new Section("Media contacts", [new Paragraph([new Text("Press office: press@example.org")])]),
                null,
                new DocumentProperties(null, null, [], null, null));
            return Result<PressRelease>.Clean(new PressRelease(metadata, [.. rest.Skip(1).Select(t => new Paragraph([new Text(t)]))], [], []));
        }

        // "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty": the double's own simple form.
        private static ReleaseInstruction ReleaseInstructionOf(string text)
        {
            if (text.StartsWith("FOR IMMEDIATE RELEASE", StringComparison.Ordinal))
            {
                return new ReleaseInstruction.Immediate(text);
            }

            if (!text.StartsWith("EMBARGOED UNTIL ", StringComparison.Ordinal))
            {
                return new ReleaseInstruction.NotStated();
            }

            var parts = text["EMBARGOED UNTIL ".Length..].Split(' ');
            if (parts.Length == 2 && DateTime.TryParseExact(parts[0], "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(parts[1]);
                return new ReleaseInstruction.Embargoed(text, new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(), parts[1]);
            }

            return new ReleaseInstruction.EmbargoedUnparsed(text);
        }
    }

    private sealed class TinyRenderer(string variant, string fileName, string contentType) : IVariantRenderer
    {
        public string Variant => variant;

        public Result<RenderedFile> Render(PressRelease release, RenderContext context) =>
            Result<RenderedFile>.Clean(new RenderedFile(variant, fileName, contentType, Encoding.UTF8.GetBytes($"{variant}: {release.Metadata.Title}{Line(release.Metadata.Release)}")));

        /// <summary>The embargo as a second line, so tests can read what each variant tells journalists.</summary>
        private static string Line(ReleaseInstruction instruction) => instruction switch
        {
            ReleaseInstruction.Embargoed e => $"\n{EmbargoedUntil(e.LiftsAt)}",
            ReleaseInstruction.EmbargoedUnparsed u => $"\n{u.Text}",
            _ => "",
        };
    }

    /// <summary>The line the double writes for an embargo lifting at <paramref name="lifts"/>.</summary>
    public static string EmbargoedUntil(DateTimeOffset lifts) =>
        $"EMBARGOED until {lifts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}";
}
