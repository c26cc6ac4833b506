using System.Runtime.InteropServices;

namespace PressPipeline.Conversion.Rendering.Pdf.Fonts;

/// <summary>
/// Font subsetting with HarfBuzz's hb-subset, which libHarfBuzzSharp ships but HarfBuzzSharp does not wrap.
/// Embedding only the glyphs a release uses keeps a one-page PDF at tens of kilobytes instead of megabytes.
/// Glyph IDs are compacted (the PDF's width array then covers a few hundred glyphs, not thousands), and the
/// old→new map comes back so the painter can renumber the shaped glyphs. Layout tables are dropped: the PDF
/// shows positioned glyph IDs and carries its own ToUnicode map, so no code points are asked for (hb-subset
/// still keeps the cmap entries of the glyphs it keeps, which readers ignore under Identity-H).
/// </summary>
internal static class HarfBuzzSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const uint NoHinting = 0x1;
    private const int DropTableTagSet = 3;

    private static readonly uint[] DroppedTables = [Tag("GSUB"), Tag("GPOS"), Tag("GDEF"), Tag("BASE"), Tag("JSTF"), Tag("DSIG"), Tag("kern"), Tag("morx"), Tag("hdmx"), Tag("LTSH"), Tag("VDMX")];

    /// <summary>
    /// A font file holding only the given glyphs (and the components of composite ones), and the new ID of each glyph (indexed by
    /// the old ID, up to the highest one given); null if HarfBuzz refuses.
    /// </summary>
    public static (byte[] Font, ushort[] NewGlyphIds)? Subset(HarfBuzzSharp.Face face, IReadOnlyList<ushort> glyphs)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            hb_subset_input_set_flags(input, NoHinting);
            var glyphSet = hb_subset_input_glyph_set(input);
            hb_set_add(glyphSet, 0);
            foreach (var glyph in glyphs)
            {
                hb_set_add(glyphSet, glyph);
            }

            var dropSet = hb_subset_input_set(input, DropTableTagSet);
            foreach (var tag in DroppedTables)
            {
                hb_set_add(dropSet, tag);
            }

            var plan = hb_subset_plan_create_or_fail(face.Handle, input);
            if (plan == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var mapping = hb_subset_plan_old_to_new_glyph_mapping(plan);
                var newIds = new ushort[glyphs.Count == 0 ? 1 : glyphs.Max() + 1];
                foreach (var glyph in glyphs)
                {
                    var mapped = hb_map_get(mapping, glyph);
                    if (mapped > ushort.MaxValue)
                    {
                        return null;
                    }

                    newIds[glyph] = (ushort)mapped;
                }

                var subset = hb_subset_plan_execute_or_fail(plan);
                if (subset == IntPtr.Zero)
                {
                    return null;
                }

                var font = ReadFace(subset);
                return font is null ? null : (font, newIds);
            }
            finally
            {
                hb_subset_plan_destroy(plan);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    private static byte[]? ReadFace(IntPtr subset)
    {
        try
        {
            var blob = hb_face_reference_blob(subset);
            try
            {
                var data = hb_blob_get_data(blob, out var length);
                if (data == IntPtr.Zero || length == 0)
                {
                    return null;
                }

                var bytes = new byte[length];
                Marshal.Copy(data, bytes, 0, (int)length);
                return bytes;
            }
            finally
            {
                hb_blob_destroy(blob);
            }
        }
        finally
        {
            hb_face_destroy(subset);
        }
    }

    private static uint Tag(string tag) => ((uint)tag[0] << 24) | ((uint)tag[1] << 16) | ((uint)tag[2] << 8) | tag[3];

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern void hb_set_add(IntPtr set, uint codePoint);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr hb_subset_plan_create_or_fail(IntPtr face, IntPtr input);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr hb_subset_plan_execute_or_fail(IntPtr plan);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr hb_subset_plan_old_to_new_glyph_mapping(IntPtr plan);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern void hb_subset_plan_destroy(IntPtr plan);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern uint hb_map_get(IntPtr map, uint key);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern void hb_face_destroy(IntPtr face);
}
