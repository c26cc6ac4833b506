using HarfBuzzSharp;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace PressPipeline.Conversion.Rendering.Pdf.Fonts;

/// <summary>
/// Shapes with HarfBuzz at the face's own units per em, so every advance is the font's exact one scaled
/// by <c>size / unitsPerEm</c> — the same advance the PDF's width array gives the glyph, so a glyph that
/// follows on from the one before needs no position correction in the page content. (SkiaSharp's SKShaper
/// rounds to 1/512 em, which would put a correction after nearly every glyph.) One HarfBuzz font per face, shared: shaping does
/// not mutate it, so it is safe from several threads.
/// </summary>
internal sealed class FaceShaper
{
    private readonly Font font;

    public FaceShaper(Face face)
    {
        UnitsPerEm = face.UnitsPerEm;
        font = new Font(face);
        font.SetScale(UnitsPerEm, UnitsPerEm);
        font.SetFunctionsOpenType();
    }

    public int UnitsPerEm { get; }

    /// <summary>
    /// Shapes the buffer for a sized font: glyphs, clusters (offset by <paramref name="clusterBase"/>, so they
    /// index the paragraph), origins in points and each glyph's advance. HarfBuzz's output is read in place.
    /// </summary>
    public ShapedGlyphs Shape(Buffer buffer, SKFont sized, int clusterBase)
    {
        font.Shape(buffer);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        // Points per font unit: advance × size / units per em, as the page content's pen moves.
        var scale = sized.Size * sized.ScaleX / UnitsPerEm;
        var yScale = sized.Size / UnitsPerEm;
        var glyphs = new ushort[infos.Length];
        var clusters = new int[infos.Length];
        var points = new SKPoint[infos.Length];
        var advances = new float[infos.Length];
        var pen = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = clusterBase + (int)infos[i].Cluster;
            points[i] = new SKPoint(pen + (positions[i].XOffset * scale), -positions[i].YOffset * yScale);
            pen += positions[i].XAdvance * scale;
        }

        // An advance is the distance to the next glyph's origin (or the end), offsets included, as drawn.
        for (var i = 0; i < infos.Length; i++)
        {
            advances[i] = (i + 1 < infos.Length ? points[i + 1].X : pen) - points[i].X;
        }

        return new ShapedGlyphs(glyphs, clusters, points, advances);
    }
}

/// <summary>HarfBuzz's output in points: glyph IDs, cluster indexes into the paragraph, glyph origins and advances.</summary>
internal sealed record ShapedGlyphs(ushort[] Glyphs, int[] Clusters, SKPoint[] Points, float[] Advances);
