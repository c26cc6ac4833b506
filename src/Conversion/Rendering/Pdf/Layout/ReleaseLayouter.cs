using System.Globalization;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using PressPipeline.Conversion.Time;
using PressPipeline.Templates;
using SkiaSharp;
using ModelText = PressPipeline.Conversion.Model.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// The release as a vertical flow, top to bottom: letterhead, release line (with the embargo time and
/// its zone), headline, subheadline, dateline, body, end mark, boilerplate, contacts, notes to editors
/// and the notes themselves (as endnotes: robust whatever the page breaks do).
/// </summary>
internal sealed class ReleaseLayouter(LayoutContext context, string? organisation)
{
    private readonly BlockLayouter blocks = new(context);

    private LayoutStyles Styles => context.Styles;

    private float Width => Styles.Theme.Page.ContentWidth;

    private ReleaseMetadata Metadata => context.Release.Metadata;

    public List<FlowItem> Layout()
    {
        var flow = new List<FlowItem>();
        flow.AddRange(Letterhead());
        flow.AddRange(blocks.Layout(Metadata.Letterhead, Width)); // the document's own letterhead picture, at the top
        flow.AddRange(ReleaseLine());
        flow.AddRange(Line(Metadata.Title, new RunStyle(Styles.Theme.Release.HeadlineSize, Styles.TextColour, Bold: true), Styles.Theme.Release.SpaceAfterHeadline, keepWithNext: true));
        if (!string.IsNullOrWhiteSpace(Metadata.Subtitle))
        {
            flow.AddRange(Line(Metadata.Subtitle, new RunStyle(Styles.Theme.Release.SubtitleSize, Styles.MutedColour, Italic: true), 2, keepWithNext: true));
        }

        flow.AddRange(Dateline());
        flow.AddRange(blocks.Layout(context.Release.Body, Width));
        if (!string.IsNullOrWhiteSpace(Metadata.EndMark))
        {
            flow.AddRange(Line(Metadata.EndMark, Styles.Body with { Bold = true }, Styles.Theme.Release.EndMarkSpacing, keepWithNext: false, Alignment.Center));
        }

        foreach (var section in new[] { Metadata.About, Metadata.MediaContacts, Metadata.NotesToEditors })
        {
            if (section is not null)
            {
                flow.AddRange(Section(section));
            }
        }

        flow.AddRange(Notes());
        return flow;
    }

    private IEnumerable<FlowItem> Letterhead()
    {
        var letterhead = Styles.Theme.Letterhead;
        if (letterhead.Logo is { Length: > 0 } logoName && PdfThemeResources.TryRead(logoName) is { } logoBytes)
        {
            if (PreparedPicture.Start(logoBytes, PdfRenderer.JpegQuality) is { } logo)
            {
                context.Own(logo);
                var height = letterhead.LogoHeight;
                var width = logo.PixelSize.Width * height / Math.Max(1, logo.PixelSize.Height);
                yield return new FlowItem(height + 6, [new ImageDrawable(logo, new SKRect(0, 0, width, height))]) { KeepWithNext = true };
            }
        }

        var name = letterhead.Organisation ?? organisation;
        if (!string.IsNullOrWhiteSpace(name))
        {
            foreach (var item in Line(name, new RunStyle(letterhead.OrganisationSize, Styles.AccentColour, Bold: true), 0, keepWithNext: true))
            {
                yield return item;
            }
        }

        yield return new FlowItem(letterhead.SpaceAfter, [new LineDrawable(new SKPoint(0, 3), new SKPoint(Width, 3), Styles.RuleColour, letterhead.RuleWidth)])
        {
            KeepWithNext = true,
        };
    }

    private IEnumerable<FlowItem> ReleaseLine()
    {
        var style = new RunStyle(Styles.Theme.Release.ReleaseLineSize, Styles.ReleaseLineColour, Bold: true);
        var text = Metadata.Release switch
        {
            ReleaseInstruction.Immediate immediate => immediate.Text,
            ReleaseInstruction.Embargoed embargoed => embargoed.Text,
            ReleaseInstruction.EmbargoedUnparsed unparsed => unparsed.Text,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var items = Line(text, style, 0, keepWithNext: true);
        if (Metadata.Release is ReleaseInstruction.Embargoed embargo)
        {
            items.AddRange(Line(EmbargoLift(embargo), Styles.Small with { Colour = Styles.ReleaseLineColour }, 1, keepWithNext: true));
        }

        if (items.Count > 0)
        {
            items[^1] = new FlowItem(items[^1].Height + 8, items[^1].Drawables) { KeepWithNext = true };
        }

        return items;
    }

    /// <summary>"Embargo lifts 22 May 2014, 11:30 Astana time (UTC+6)" in the release's language: the zone is always shown, as the zone table names it.</summary>
    private string EmbargoLift(ReleaseInstruction.Embargoed embargo)
    {
        var zone = ZoneTable.Resolve(embargo.TimeZoneId);
        if (zone is null)
        {
            context.Warn("pdf.embargo-zone-unknown", $"The embargo time zone '{embargo.TimeZoneId}' is not known here, so the PDF shows the embargo in UTC.", ModelPlaces.At(context.Release.Metadata.ReleaseLinePlace, embargo.Text));
            zone = ZoneTable.Resolve("UTC")!;
        }

        return ReleaseLines.Fill(Styles.Labels.EmbargoLifts, ReleaseLines.When(embargo.LiftsAt, zone, Language, TemplateLibrary.Embedded));
    }

    private string Language => string.IsNullOrWhiteSpace(Metadata.Language) ? "en" : Metadata.Language;

    // The dateline leads the first paragraph when the reader lifted it out of the body; if the body still
    // opens with it, the body already shows it.
    private List<FlowItem> Dateline()
    {
        if (Metadata.Dateline is not { Text.Length: > 0 } dateline)
        {
            return [];
        }

        if (ReleaseView.BodyOpensWithDateline(context.Release))
        {
            return [];
        }

        return Line(dateline.Text, Styles.Body with { Bold = true }, Styles.Theme.Text.ParagraphSpacing, keepWithNext: true);
    }

    private List<FlowItem> Section(Section section)
    {
        var items = new List<FlowItem>();
        var heading = blocks.LayoutHeadingText([new ModelText(section.Heading)], 2, Width);
        if (heading.Count > 0)
        {
            heading[0].SpaceBefore = Styles.Theme.Release.SectionSpacing;
        }

        items.AddRange(heading);
        items.AddRange(blocks.Layout(section.Blocks, Width));
        return items;
    }

    private List<FlowItem> Notes()
    {
        var notes = context.Release.Notes;
        if (notes.Count == 0)
        {
            return [];
        }

        var items = blocks.LayoutHeadingText([new ModelText(Styles.Labels.Notes)], 3, Width);
        if (items.Count > 0)
        {
            items[0].SpaceBefore = Styles.Theme.Release.SectionSpacing;
        }

        const float numberWidth = 18;
        foreach (var note in notes.OrderBy(n => n.Kind).ThenBy(n => n.Number))
        {
            var noteItems = new List<FlowItem>();
            foreach (var block in note.Blocks)
            {
                noteItems.AddRange(block is Paragraph paragraph
                    ? blocks.LayoutParagraph(paragraph.Content, Styles.Note, Width - numberWidth, Alignment.Start, paragraph.Direction, 2)
                    : blocks.Layout(block, Width - numberWidth));
            }

            var number = new StyledText();
            number.Append(note.Number.ToString(CultureInfo.InvariantCulture) + ".", Styles.Note);
            var numberLines = context.Paragraphs.Layout(number, numberWidth, Alignment.Start, TextDirection.LeftToRight);
            var destination = new DestinationDrawable(new SKPoint(0, 0), DestinationNames.Note(note.Kind, note.Id));
            if (noteItems.Count == 0)
            {
                noteItems.Add(new FlowItem(numberLines.Sum(l => l.Height), []));
            }

            var first = noteItems[0];
            noteItems[0] = new FlowItem(Math.Max(first.Height, numberLines.Count > 0 ? numberLines[0].Height : 0),
                [destination, .. numberLines.SelectMany(l => l.Drawables), .. first.Drawables.Select(d => d.Offset(numberWidth, 0))])
            {
                SpaceBefore = 3,
                KeepWithNext = first.KeepWithNext,
            };
            items.AddRange(noteItems.Take(1));
            items.AddRange(noteItems.Skip(1).Select(i => i.Indented(numberWidth)));
        }

        return items;
    }

    private List<FlowItem> Line(string text, RunStyle style, float spaceBefore, bool keepWithNext, Alignment alignment = Alignment.Start)
    {
        var styled = new StyledText();
        styled.Append(text, style);
        var items = blocks.LayoutText(styled, Width, alignment, Metadata.Direction);
        if (items.Count > 0)
        {
            items[0].SpaceBefore = spaceBefore;
        }

        foreach (var item in items)
        {
            item.KeepWithNext |= keepWithNext;
        }

        return items;
    }
}
