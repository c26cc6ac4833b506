using HarfBuzzSharp;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace PressPipeline.Conversion.Rendering.Pdf.Fonts;

/// <summary>
/// Shapes with HarfBuzz at the face's own units per em, so every advance is the font's exact one scaled
/// by <c>size / unitsPerEm</c> — the same float arithmetic Skia's PDF writer uses to decide whether a glyph
/// follows on from the one before. (SkiaSharp's SKShaper rounds to 1/512 em, which made nearly every glyph
/// a separate positioning operator in the page content.) One HarfBuzz font per face, shared: shaping does
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

    /// <summary>Shapes the buffer for a sized font: glyphs, their clusters, origins in points and the total advance.</summary>
    public ShapedGlyphs Shape(Buffer buffer, SKFont sized)
    {
        font.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        // Points per font unit, in the order of operations Skia's PDF writer uses for its own pen.
        var scale = sized.Size * sized.ScaleX / UnitsPerEm;
        var yScale = sized.Size / UnitsPerEm;
        var glyphs = new uint[infos.Length];
        var clusters = new uint[infos.Length];
        var points = new SKPoint[infos.Length];
        var pen = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            points[i] = new SKPoint(pen + (positions[i].XOffset * scale), -positions[i].YOffset * yScale);
            pen += positions[i].XAdvance * scale;
        }

        return new ShapedGlyphs(glyphs, clusters, points, pen);
    }
}

/// <summary>HarfBuzz's output in points: glyph IDs, cluster indexes into the shaped text, glyph origins and the total width.</summary>
internal sealed record ShapedGlyphs(uint[] Codepoints, uint[] Clusters, SKPoint[] Points, float Width);
