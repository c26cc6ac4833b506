using System.Runtime.ExceptionServices;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion;

/// <summary>
/// The one entry point for turning a .docx into every variant: read once into the model, then hand the
/// model to each renderer. Used alike by the CLI, the Functions app and the benchmarks.
/// </summary>
public sealed class ReleaseConverter
{
    private readonly IDocxReader reader;
    private readonly IReadOnlyList<IVariantRenderer> renderers;
    private readonly int[] costliestFirst;

    public ReleaseConverter(IDocxReader reader, IEnumerable<IVariantRenderer> renderers)
    {
        this.reader = reader;
        this.renderers = [.. renderers];
        costliestFirst = [.. Enumerable.Range(0, this.renderers.Count).OrderByDescending(i => this.renderers[i].RelativeCost)];
    }

    /// <summary>The reader and every renderer the product ships, with default limits.</summary>
    public static ReleaseConverter CreateDefault(ConversionLimits? limits = null) =>
        new(new WordReader(limits ?? ConversionLimits.Default), DefaultRenderers.All());

    /// <summary>Reads the document into the model (no rendering). Throws <see cref="DocumentRejectedException"/>.</summary>
    public Result<PressRelease> Read(Stream docx) => reader.Read(docx);

    /// <summary>Converts a .docx; bad input comes back as a <see cref="ConversionOutcome.Rejected"/>, never an exception.</summary>
    public ConversionOutcome Convert(Stream docx, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(context);
        // A cold process spends about as long loading fonts, templates and CSS machinery as reading the
        // document (docs/benchmarks.md): do both at once, on one other thread so the read keeps a core of its
        // own. In a warm process the preparation finds it all done.
        var preparing = Task.Run(() =>
        {
            foreach (var renderer in renderers)
            {
                renderer.Prepare();
            }
        });
        Result<PressRelease> read;
        try
        {
            read = reader.Read(docx);
        }
        catch (DocumentRejectedException rejected)
        {
            return new ConversionOutcome.Rejected(rejected.Rejection);
        }
        finally
        {
            Unwrapped(preparing.Wait);
        }

        var warnings = new List<ConversionWarning>(read.Warnings);
        var files = new List<RenderedFile>();
        foreach (var image in read.Value.Images)
        {
            files.Add(new RenderedFile("image", "images/" + image.FileName, image.ContentType, image.Data));
        }

        var shown = AsShown(read.Value, context);

        // Renderers only read the model, so they run side by side, costliest first (Parallel.For hands out
        // indexes roughly in order, the calling thread taking the first); files and warnings keep the renderers' order.
        var rendered = new Result<RenderedFile>[renderers.Count];
        Unwrapped(() => Parallel.For(0, renderers.Count, k =>
        {
            var i = costliestFirst[k];
            rendered[i] = renderers[i].Render(shown, context);
        }));
        foreach (var result in rendered)
        {
            files.Add(result.Value);
            warnings.AddRange(result.Warnings);
        }

        return new ConversionOutcome.Converted(new ConvertedRelease(read.Value, files, warnings));
    }

    /// <summary>
    /// The model as the renderers get it: with the release line <see cref="RenderContext.ShownReleaseLine"/> puts in
    /// place of the document's, when it does. Also for drawing the PDF's pages again (<see cref="Rendering.Pdf.PdfRenderer.PageImages"/>).
    /// </summary>
    public static PressRelease AsShown(PressRelease release, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(context);
        return context.ShownReleaseLine is { } replace && replace(release.Metadata.Release) is { } line && line != release.Metadata.Release
            ? release with { Metadata = release.Metadata with { Release = line, ReleaseLinePlace = default } }
            : release;
    }

    /// <summary>Runs parallel work and rethrows a single failure as itself, as the sequential code would.</summary>
    private static void Unwrapped(Action action)
    {
        try
        {
            action();
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
        }
    }
}

/// <summary>The result of <see cref="ReleaseConverter.Convert"/>: every variant, or a typed rejection.</summary>
public abstract record ConversionOutcome
{
    private ConversionOutcome()
    {
    }

    /// <summary>The document was converted; warnings say what could not be carried over.</summary>
    public sealed record Converted(ConvertedRelease Release) : ConversionOutcome;

    /// <summary>The document could not be converted; the message is for the press officer.</summary>
    public sealed record Rejected(Rejection Rejection) : ConversionOutcome;
}

/// <summary>The model, the files rendered from it (variants and images) and every warning raised.</summary>
public sealed record ConvertedRelease(
    PressRelease Release,
    IReadOnlyList<RenderedFile> Files,
    IReadOnlyList<ConversionWarning> Warnings);
