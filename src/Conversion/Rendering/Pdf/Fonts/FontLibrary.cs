using System.Collections.Concurrent;
using PressPipeline.Conversion.Rendering.Pdf.Theme;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering.Pdf.Fonts;

/// <summary>
/// The theme's font families with their faces. Files are read from the Templates assembly once per
/// process (a static cache keyed by file name), so a warm render never touches font bytes again.
/// </summary>
internal sealed class FontLibrary
{
    private static readonly ConcurrentDictionary<string, LoadedFace> FacesByFile = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<FontTheme, FontLibrary> Libraries = new();

    private readonly IReadOnlyList<FontFamily> families;

    private FontLibrary(FontTheme theme)
    {
        var list = new List<FontFamily>();
        foreach (var name in theme.FallbackFamilies)
        {
            var faces = theme.Faces.Where(face => face.Family == name).ToList();
            if (faces.Count == 0)
            {
                continue;
            }

            list.Add(new FontFamily(name, faces.Select(face => (face, Load(face.File))).ToList()));
        }

        if (list.Count == 0)
        {
            throw new InvalidDataException("The PDF theme names no usable font family (fonts.fallbackFamilies).");
        }

        families = list;
    }

    /// <summary>Families in fallback order; the first is the body face.</summary>
    public IReadOnlyList<FontFamily> Families => families;

    public static FontLibrary For(FontTheme theme) => Libraries.GetOrAdd(theme, static t => new FontLibrary(t));

    /// <summary>Index of the first family that has a glyph for the code point, or -1 when none has.</summary>
    public int FamilyFor(int codePoint)
    {
        for (var i = 0; i < families.Count; i++)
        {
            if (families[i].Regular.Covers(codePoint))
            {
                return i;
            }
        }

        return -1;
    }

    private static LoadedFace Load(string file) =>
        FacesByFile.GetOrAdd(file, static name => new LoadedFace(name, PdfThemeResources.MapFont(name)));
}

/// <summary>One family's faces; a missing bold or italic face is synthesised from the nearest one.</summary>
internal sealed class FontFamily(string name, IReadOnlyList<(FontFaceFile File, LoadedFace Face)> faces)
{
    public string Name { get; } = name;

    public LoadedFace Regular { get; } = Pick(faces, bold: false, italic: false).Face;

    // The four styles, worked out once: asked for every segment a paragraph is shaped in.
    private readonly (LoadedFace Face, bool FakeBold, bool FakeItalic)[] byStyle =
        [.. new[] { (false, false), (false, true), (true, false), (true, true) }.Select(style =>
        {
            var (file, face) = Pick(faces, style.Item1, style.Item2);
            return (face, style.Item1 && !file.Bold, style.Item2 && !file.Italic);
        })];

    /// <summary>The face for the style and whether bold/italic must be synthesised because the file is missing.</summary>
    public (LoadedFace Face, bool FakeBold, bool FakeItalic) Face(bool bold, bool italic) =>
        byStyle[(bold ? 2 : 0) + (italic ? 1 : 0)];

    private static (FontFaceFile File, LoadedFace Face) Pick(IReadOnlyList<(FontFaceFile File, LoadedFace Face)> faces, bool bold, bool italic) =>
        faces.FirstOrDefault(f => f.File.Bold == bold && f.File.Italic == italic) is { Face: not null } exact
            ? exact
            : faces.FirstOrDefault(f => f.File.Bold == bold) is { Face: not null } sameWeight
                ? sameWeight
                : faces[0];
}
