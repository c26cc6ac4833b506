using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion.Anatomy;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// The Open XML reader: guards the package, reads each Word part once (styles, numbering, body, notes,
/// core properties) into the model, then lets the press-release anatomy lift out the release line,
/// headline, dateline, end mark and sections. Any failure inside the SDK becomes a typed rejection.
/// </summary>
public sealed class WordReader(ConversionLimits limits) : IDocxReader
{
    public WordReader()
        : this(ConversionLimits.Default)
    {
    }

    public ConversionLimits Limits { get; } = limits;

    public Result<PressRelease> Read(Stream docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var bytes = PackageGuard.ReadUpload(docx, Limits);
        PackageGuard.Check(bytes, Limits);
        (bytes, var droppedRelationships) = DanglingRelationships.Remove(bytes);
        try
        {
            // Styles and numbering are parsed from a second, independent view of the same bytes while this
            // thread parses the body: the Open XML SDK spends most of a cold read building per-element-type
            // metadata, and the two parts use largely different element types. Packages are not thread-safe,
            // hence two of them rather than one shared between threads. In the first read of a process the side
            // thread then primes the body's element types (SchemaPrimer) until this thread has parsed the body.
            using var bodyParsed = new CancellationTokenSource();
            var definitions = new TaskCompletionSource<Definitions>(TaskCreationOptions.RunContinuationsAsynchronously);
            var side = Task.Run(() =>
            {
                ReadDefinitions(bytes, definitions);
                SchemaPrimer.PrimeOnce(bytes, bodyParsed.Token);
            });
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                using var document = Open(stream);
                return ReadDocument(document, definitions.Task, bodyParsed, droppedRelationships);
            }
            finally
            {
                // Never leave the side thread running past a rejection; a failed definitions read surfaces through its task.
                bodyParsed.Cancel();
                ((IAsyncResult)side).AsyncWaitHandle.WaitOne();
            }
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (XmlException error)
        {
            throw PackageGuard.Corrupt(PartName(error), error);
        }
        catch (OpenXmlPackageException error) when (error.Message.Contains("content type", StringComparison.OrdinalIgnoreCase))
        {
            throw PackageGuard.NotWord("This file is not a Word document: upload the press release as a Word Document (.docx).");
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new DocumentRejectedException(
                RejectionKind.CorruptPart,
                "The document could not be read because part of it is damaged: open it in Word, save it again and upload the new copy.",
                error);
        }
    }

    private static WordprocessingDocument Open(MemoryStream stream) =>
        WordprocessingDocument.Open(stream, false, new OpenSettings { AutoSave = false });

    /// <summary>
    /// The document-wide definitions the body is read against, from their own view of the package. Styles,
    /// numbering and settings are secondary parts: one that cannot be parsed is left out with a warning (as Word
    /// repairs such files) and the body is read against Word's defaults instead.
    /// </summary>
    private static void ReadDefinitions(byte[] bytes, TaskCompletionSource<Definitions> definitions)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = Open(stream);
            var main = document.MainDocumentPart;
            var warnings = new Warnings();
            var styles = SecondaryPart.Read(warnings, "styles", () => StyleSheet.Read(main?.StyleDefinitionsPart?.Styles, warnings), StyleSheet.Empty(warnings));
            var defaultLanguage = styles.DefaultRun.Language
                ?? SecondaryPart.Read(warnings, "settings", () => Attr.Token(main?.DocumentSettingsPart?.Settings?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.ThemeFontLanguages>()?.Val), null);
            var numbering = SecondaryPart.Read(
                warnings, "numbering", () => NumberingDefinitions.Read(main?.NumberingDefinitionsPart?.Numbering, warnings), NumberingDefinitions.Empty(warnings));
            definitions.SetResult(new Definitions(styles, numbering, defaultLanguage, warnings));
        }
#pragma warning disable CA1031 // Not swallowed: the reading thread rethrows it from the task, as if it had read the part itself.
        catch (Exception error)
#pragma warning restore CA1031
        {
            definitions.SetException(error);
        }
    }

    private Result<PressRelease> ReadDocument(WordprocessingDocument document, Task<Definitions> definitions, CancellationTokenSource bodyParsed, bool droppedRelationships)
    {
        var main = document.MainDocumentPart;
        var parsed = main?.Document?.Body;
        bodyParsed.Cancel();
        if (main is null || parsed is not { } body)
        {
            throw PackageGuard.NotWord("This file does not contain a Word document body: upload the press release as a Word Document (.docx).");
        }

        var warnings = new Warnings();
        if (droppedRelationships)
        {
            warnings.Add(DanglingRelationships.Code, DanglingRelationships.Message);
        }

        var (styles, numbering, defaultLanguage, definitionWarnings) = definitions.GetAwaiter().GetResult();
        var tally = new LanguageTally(defaultLanguage);
        var context = new ReadContext(
            styles,
            new ListCounter(numbering, warnings, defaultLanguage ?? "en"),
            new ImageStore(Limits, warnings),
            warnings,
            tally)
        {
            CurrentPart = main,
        };

        var blocks = new BodyReader(context, mainStory: true).Read(body.ChildElements);
        var notes = SecondaryPart.Read(warnings, "notes", () => NotesReader.Read(main, context), []);
        SecondaryPart.Read(warnings, "headers", () => HeaderFooterCheck.Check(main, body, warnings), false);
        var (properties, coreTitle) = SecondaryPart.Read(
            warnings, "properties", () => CorePropertiesReader.Read(document), (new DocumentProperties(null, null, [], null, null), null));
        var language = tally.Language();
        var anatomy = ReleaseAnatomy.Apply(blocks, context.Traits, language, coreTitle, warnings);
        var metadata = anatomy.Metadata with { Direction = tally.Direction, Document = properties, LanguageKnown = tally.Known };
        var release = new PressRelease(metadata, anatomy.Body, notes, context.Images.Images);

        // Styles and numbering are resolved lazily while the body is read, so their warnings are complete only now.
        warnings.AddFrom(definitionWarnings);

        return new Result<PressRelease>(release, warnings.Items);
    }

    private static string PartName(XmlException error) =>
        error.SourceUri is { Length: > 0 } uri ? uri : "an XML part";
}

/// <summary>Styles, numbering and the document's default language: what the body is read against.</summary>
internal sealed record Definitions(StyleSheet Styles, NumberingDefinitions Numbering, string? DefaultLanguage, Warnings Warnings);
