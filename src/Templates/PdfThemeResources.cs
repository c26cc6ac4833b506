using System.Reflection;
using System.Runtime.InteropServices;

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

    /// <summary>
    /// A font file as native memory that stays valid for the life of the process. Embedded resources are already
    /// mapped into memory with the assembly, so this normally hands out a pointer to them: no copy of the 4 MB of
    /// fonts, which a cold start used to copy three times (into a buffer, an array, then native memory for
    /// Skia and HarfBuzz). Only a host that loads assemblies from a byte array gets a one-time copy, kept forever
    /// like the font cache it feeds.
    /// </summary>
    public static unsafe NativeBytes MapFont(string fileName)
    {
        using var stream = Open("fonts/" + fileName);
        var length = checked((int)stream.Length);
        if (stream is UnmanagedMemoryStream mapped)
        {
            return new NativeBytes((nint)mapped.PositionPointer, length);
        }

        var copy = NativeMemory.Alloc((nuint)length);
        stream.ReadExactly(new Span<byte>(copy, length));
        return new NativeBytes((nint)copy, length);
    }

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

    private static Stream Open(string logicalName) =>
        OpenOrNull(logicalName)
        ?? throw new FileNotFoundException($"Template resource '{logicalName}' is not embedded.", logicalName);
}

/// <summary>A block of native memory owned by the process (never freed): an address and a length in bytes.</summary>
public readonly record struct NativeBytes(nint Address, int Length);
