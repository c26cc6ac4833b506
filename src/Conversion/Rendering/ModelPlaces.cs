using PressPipeline.Conversion.Anatomy;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Rendering;

/// <summary>
/// Where a renderer's warning is in the document, said the way the reader's warnings say it (paragraph, table row and
/// cell, footnote, with the paragraph's first words and the picture's file). Renderers raise few warnings, so the
/// model is searched for the paragraph holding the inline when one is raised, rather than tracked while rendering.
/// </summary>
internal static class ModelPlaces
{
    /// <summary>The paragraph holding this very inline (a link a variant drops, a picture without data).</summary>
    public static WarningLocation Of(PressRelease release, Inline inline, string? file = null) =>
        Find(release, i => ReferenceEquals(i, inline), file);

    /// <summary>The first paragraph showing the picture <paramref name="resourceId"/>, naming it by <paramref name="file"/>.</summary>
    public static WarningLocation OfPicture(PressRelease release, string resourceId, string file) =>
        Find(release, i => i is Image image && string.Equals(image.ResourceId, resourceId, StringComparison.Ordinal), file);

    /// <summary>The first paragraph whose text holds the character <paramref name="codePoint"/>; the whole document when none does (the headline).</summary>
    public static WarningLocation OfCharacter(PressRelease release, int codePoint)
    {
        var character = char.ConvertFromUtf32(codePoint);
        return Find(release, i => i is Model.Text text && text.Value.Contains(character, StringComparison.Ordinal), null);
    }

    /// <summary>The place <paramref name="place"/> with <paramref name="near"/> as its first words; the whole document when it is unknown.</summary>
    public static WarningLocation At(SourcePlace place, string? near, string? file = null)
    {
        if (!place.IsKnown)
        {
            return file is null ? WarningLocation.Document : WarningLocation.Image(file);
        }

        return new WarningLocation(place.Kind!, Number(place.Index), WarningLocation.FirstWords(near))
        {
            Row = Number(place.Row),
            Cell = Number(place.Cell),
            File = file,
        };
    }

    private static WarningLocation Find(PressRelease release, Func<Inline, bool> match, string? file)
    {
        foreach (var story in Stories(release))
        {
            if (FindIn(story, match) is { } block)
            {
                return At(block.Place, BlockText.Of(block), file);
            }
        }

        return file is null ? WarningLocation.Document : WarningLocation.Image(file);
    }

    /// <summary>Every list of blocks a renderer draws, in the order the reader numbered them.</summary>
    private static IEnumerable<IReadOnlyList<Block>> Stories(PressRelease release)
    {
        var metadata = release.Metadata;
        yield return metadata.Letterhead;
        yield return release.Body;
        foreach (var section in new[] { metadata.About, metadata.MediaContacts, metadata.NotesToEditors })
        {
            if (section is not null)
            {
                yield return section.Blocks;
            }
        }

        foreach (var note in release.Notes)
        {
            yield return note.Blocks;
        }
    }

    /// <summary>The innermost paragraph or heading among <paramref name="blocks"/> holding an inline that matches.</summary>
    private static Block? FindIn(IReadOnlyList<Block> blocks, Func<Inline, bool> match)
    {
        foreach (var block in blocks)
        {
            var found = block switch
            {
                Paragraph p => Holds(p.Content, match) ? p : null,
                Heading h => Holds(h.Content, match) ? h : null,
                BlockQuote q => FindIn(q.Blocks, match),
                ListBlock l => l.Items.Select(item => FindIn(item.Blocks, match)).FirstOrDefault(b => b is not null),
                Table t => t.Rows.SelectMany(r => r.Cells).Select(c => FindIn(c.Blocks, match)).FirstOrDefault(b => b is not null),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static bool Holds(IReadOnlyList<Inline> inlines, Func<Inline, bool> match)
    {
        foreach (var inline in inlines)
        {
            if (match(inline)
                || (inline is Hyperlink link && Holds(link.Content, match))
                || (inline is InternalLink internalLink && Holds(internalLink.Content, match)))
            {
                return true;
            }
        }

        return false;
    }

    private static int? Number(int value) => value > 0 ? value : null;
}
