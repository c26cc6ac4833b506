using System.Reflection;

namespace PressPipeline.Templates;

/// <summary>
/// The PDF theme and the fonts, read from this assembly's embedded resources so every host (CLI,
/// Functions, tests, benchmarks) typesets with the same data. Logical names are the paths under
/// src/Templates ("pdf/theme.json", "fonts/Carlito-Regular.ttf").
/// </summary>
public static class PdfThemeResources
{
    private static readonly Assembly Assembly = typeof(PdfThemeResources).Assembly;

    /// <summary>Logical name of the default theme.</summary>
    public const string DefaultThemeName = "pdf/theme.json";

    /// <summary>Opens the default PDF theme (JSON).</summary>
    public static Stream OpenTheme() => Open(DefaultThemeName);

    /// <summary>Reads a font file shipped in src/Templates/fonts.</summary>
    public static byte[] ReadFont(string fileName) => ReadAll("fonts/" + fileName);

    /// <summary>Reads any embedded file (a logo under pdf/, for instance); null when it does not exist.</summary>
    public static byte[]? TryRead(string logicalName)
    {
        using var stream = OpenOrNull(logicalName);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // The project embeds files under their path below the folder pattern; older item patterns drop the
    // folder ("theme.json"), so the bare file name is tried second.
    private static Stream? OpenOrNull(string logicalName) =>
        Assembly.GetManifestResourceStream(logicalName)
        ?? Assembly.GetManifestResourceStream(Path.GetFileName(logicalName));

    private static byte[] ReadAll(string logicalName) =>
        TryRead(logicalName) ?? throw new FileNotFoundException($"Template resource '{logicalName}' is not embedded.", logicalName);

    private static Stream Open(string logicalName) =>
        OpenOrNull(logicalName)
        ?? throw new FileNotFoundException($"Template resource '{logicalName}' is not embedded.", logicalName);
}
