using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion.Model;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using V = DocumentFormat.OpenXml.Vml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// DrawingML (inline and anchored) and VML pictures: embedded images become <see cref="Image"/>s with
/// their alt text and size; linked (external) images are never fetched; text boxes are read as blocks
/// placed after the paragraph; charts and SmartArt raise a warning instead of vanishing silently.
/// </summary>
internal static class DrawingReader
{
    private const double EmuPerPoint = 12700;
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string DiagramUri = "http://schemas.openxmlformats.org/drawingml/2006/diagram";

    public static void Read(W.Drawing drawing, ReadContext context, BodyReader body, List<Inline> sink, List<Block> floating)
    {
        OpenXmlElement? frame = (OpenXmlElement?)drawing.GetFirstChild<DW.Inline>() ?? drawing.GetFirstChild<DW.Anchor>();
        if (frame is null)
        {
            return;
        }

        var extent = frame.GetFirstChild<DW.Extent>();
        var docPr = frame.GetFirstChild<DW.DocProperties>();
        var graphicData = frame.GetFirstChild<A.Graphic>()?.GraphicData;
        var uri = graphicData?.Uri?.InnerText ?? string.Empty;
        if (uri.StartsWith(ChartUri, StringComparison.Ordinal))
        {
            context.Warnings.Add("chart.dropped", "A chart was left out: paste it into Word as a picture (with alt text) so it can be shown.");
            return;
        }

        if (uri.StartsWith(DiagramUri, StringComparison.Ordinal))
        {
            context.Warnings.Add("smartart.dropped", "A SmartArt diagram was left out: paste it into Word as a picture (with alt text) so it can be shown.");
            return;
        }

        if (graphicData is null)
        {
            return;
        }

        var textBoxes = graphicData.Descendants<W.TextBoxContent>().ToList();
        if (textBoxes.Count > 0)
        {
            ReadTextBoxes(textBoxes, context, body, floating);
        }

        var blips = graphicData.Descendants<A.Blip>().ToList();
        if (blips.Count == 0)
        {
            return;
        }

        var alt = AltText(docPr?.Description?.InnerText, docPr?.Title?.InnerText);
        var width = Math.Max(Attr.Long(extent?.Cx, context.Warnings) ?? 0, 0) / EmuPerPoint;
        var height = Math.Max(Attr.Long(extent?.Cy, context.Warnings) ?? 0, 0) / EmuPerPoint;
        foreach (var blip in blips)
        {
            AddImage(Attr.Token(blip.Embed), Attr.Token(blip.Link), alt, width, height, context, sink);
        }
    }

    public static void ReadVml(OpenXmlElement picture, ReadContext context, BodyReader body, List<Inline> sink, List<Block> floating)
    {
        var textBoxes = picture.Descendants<W.TextBoxContent>().ToList();
        if (textBoxes.Count > 0)
        {
            ReadTextBoxes(textBoxes, context, body, floating);
        }

        foreach (var imageData in picture.Descendants<V.ImageData>())
        {
            var shape = imageData.Parent as V.Shape;
            var alt = AltText(shape?.Alternate?.InnerText, imageData.Title?.InnerText);
            var (width, height) = VmlSize(shape?.Style?.InnerText);
            var relationshipId = Attr.Token(imageData.RelationshipId) ?? Attr.Token(imageData.RelId);
            AddImage(relationshipId, null, alt, width, height, context, sink);
        }
    }

    private static void ReadTextBoxes(List<W.TextBoxContent> boxes, ReadContext context, BodyReader body, List<Block> floating)
    {
        context.Warnings.Add("textbox.moved", "Text in a text box was placed after the paragraph it is anchored to; check the order reads well.");
        foreach (var box in boxes)
        {
            floating.AddRange(body.ReadNested(box.ChildElements));
        }
    }

    private static string AltText(string? description, string? title) =>
        !string.IsNullOrWhiteSpace(description) ? description.Trim()
        : !string.IsNullOrWhiteSpace(title) ? title.Trim()
        : string.Empty;

    private static void AddImage(string? embedId, string? linkId, string alt, double width, double height, ReadContext context, List<Inline> sink)
    {
        var part = embedId is null ? null : FindPart(context.CurrentPart, embedId);
        if (part is null)
        {
            if (linkId is not null || embedId is not null)
            {
                context.Warnings.Add("image.external", "A picture is linked to a file outside the document and was not included: insert the picture itself in Word.");
            }

            return;
        }

        var resource = context.Images.Take(part);
        if (resource is null)
        {
            return;
        }

        if (alt.Length == 0)
        {
            context.Warnings.Add("image.alt-missing", "A picture has no alt text: add a description in Word (right-click › Edit Alt Text) so everyone can follow it.", resource.FileName);
        }

        if (width <= 0 || height <= 0)
        {
            (width, height) = (resource.PixelWidth * 0.75, resource.PixelHeight * 0.75);
        }

        sink.Add(new Image(resource.Id, alt, Math.Round(width, 2), Math.Round(height, 2)));
    }

    private static OpenXmlPart? FindPart(OpenXmlPart owner, string relationshipId)
    {
        foreach (var pair in owner.Parts)
        {
            if (pair.RelationshipId == relationshipId)
            {
                return pair.OpenXmlPart;
            }
        }

        return null;
    }

    /// <summary>Reads "width:120pt;height:80pt" (or in, cm, px) from a VML style attribute.</summary>
    private static (double Width, double Height) VmlSize(string? style)
    {
        double width = 0, height = 0;
        if (style is null)
        {
            return (0, 0);
        }

        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var name = declaration[..colon].Trim();
            var points = ToPoints(declaration[(colon + 1)..].Trim());
            if (name == "width")
            {
                width = points;
            }
            else if (name == "height")
            {
                height = points;
            }
        }

        return (width, height);
    }

    private static double ToPoints(string value)
    {
        var unit = value.Length > 2 ? value[^2..] : string.Empty;
        var factor = unit switch { "pt" => 1.0, "in" => 72.0, "cm" => 72 / 2.54, "mm" => 72 / 25.4, "px" => 0.75, _ => 0 };
        if (factor == 0)
        {
            return 0;
        }

        return double.TryParse(value[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number * factor : 0;
    }
}
