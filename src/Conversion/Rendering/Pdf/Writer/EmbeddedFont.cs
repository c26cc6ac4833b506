namespace PressPipeline.Conversion.Rendering.Pdf.Writer;

/// <summary>
/// One TrueType program embedded as a composite font: Type0 over a CIDFontType2 with Identity-H, so
/// content shows glyph IDs directly (shaping has already chosen them). Widths come from the program's
/// own metrics; the ToUnicode map is built from what the pages showed, glyph by glyph, so copied text is
/// the source text (a ligature gives back its letters, an Arabic contextual form its base letter).
/// </summary>
internal sealed class EmbeddedFont
{
    private readonly byte[] program;
    private readonly string baseFont;
    private readonly string?[] unicode;

    public EmbeddedFont(int number, string resourceName, string postScriptName, byte[] program)
    {
        Number = number;
        ResourceName = resourceName;
        this.program = program;
        Metrics = TrueTypeMetrics.Read(program);
        Widths = [.. Enumerable.Range(0, Metrics.Advances.Length).Select(Metrics.Width)];
        unicode = new string?[Widths.Length];
        baseFont = SubsetTag(program) + "+" + postScriptName;
    }

    /// <summary>The Type0 font object.</summary>
    public int Number { get; }

    /// <summary>The name page resources use for it ("F1").</summary>
    public string ResourceName { get; }

    private TrueTypeMetrics Metrics { get; }

    /// <summary>
    /// Each glyph's advance in thousandths of the em, as the width array says it (to three decimals, so a
    /// line of glyphs at their natural advances needs no position corrections).
    /// </summary>
    public double[] Widths { get; }

    /// <summary>
    /// Records that <paramref name="glyph"/> stands for <paramref name="text"/> unless it already stands for
    /// something; true when the glyph's recorded text is <paramref name="text"/> (false: the caller must say
    /// the text some other way, with an ActualText span).
    /// </summary>
    public bool Map(ushort glyph, ReadOnlySpan<char> text)
    {
        if (glyph >= unicode.Length)
        {
            return false;
        }

        if (unicode[glyph] is { } known)
        {
            return text.SequenceEqual(known);
        }

        unicode[glyph] = text.ToString();
        return true;
    }

    /// <summary>The text recorded for a glyph, if any.</summary>
    public string? TextOf(ushort glyph) => glyph < unicode.Length ? unicode[glyph] : null;

    public void Write(PdfFile file)
    {
        var descendant = file.Allocate();
        var descriptor = file.Allocate();
        var fontFile = file.Allocate();
        var toUnicode = file.Allocate();

        file.Dictionary(Number, d => d.Ascii("/Type/Font/Subtype/Type0/BaseFont").Name(baseFont)
            .Ascii("/Encoding/Identity-H/DescendantFonts[").Integer(descendant).Ascii(" 0 R]/ToUnicode").Reference(toUnicode));

        file.Dictionary(descendant, d =>
        {
            d.Ascii("/Type/Font/Subtype/CIDFontType2/BaseFont").Name(baseFont)
                .Ascii("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor").Reference(descriptor)
                .Ascii("/CIDToGIDMap/Identity/W[0[");
            for (var glyph = 0; glyph < Widths.Length; glyph++)
            {
                if (glyph > 0)
                {
                    d.Space();
                }

                d.Number(Widths[glyph]);
            }

            d.Ascii("]]");
        });

        var box = Metrics.Box;
        file.Dictionary(descriptor, d => d.Ascii("/Type/FontDescriptor/FontName").Name(baseFont)
            .Ascii("/Flags ").Integer(Flags())
            .Ascii("/FontBBox[").Integer(Metrics.Scale(box.XMin)).Space().Integer(Metrics.Scale(box.YMin)).Space()
            .Integer(Metrics.Scale(box.XMax)).Space().Integer(Metrics.Scale(box.YMax))
            .Ascii("]/ItalicAngle ").Number(Metrics.ItalicAngle)
            .Ascii("/Ascent ").Integer(Metrics.Scale(Metrics.Ascender))
            .Ascii("/Descent ").Integer(Metrics.Scale(Metrics.Descender))
            .Ascii("/CapHeight ").Integer(Metrics.Scale(Metrics.CapHeight))
            .Ascii("/StemV 80/FontFile2").Reference(fontFile));

        file.DeflatedStream(fontFile, program, d => d.Ascii("/Length1 ").Integer(program.Length));
        file.DeflatedStream(toUnicode, UnicodeMap());
    }

    // Symbolic (4): the glyphs are addressed by ID, not by a standard encoding; italic (64) from the font.
    private int Flags() => 4 | (Metrics.FixedPitch ? 1 : 0) | (Metrics.ItalicAngle != 0 ? 64 : 0);

    private byte[] UnicodeMap()
    {
        var map = new PdfBytes(256 + (unicode.Length * 16));
        map.Ascii("/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Ascii("/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n")
            .Ascii("/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Ascii("1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
        var entries = unicode.Select((text, glyph) => (Glyph: glyph, Text: text)).Where(e => e.Text is { Length: > 0 }).ToList();

        // At most 100 mappings per block (ISO 32000-1, 9.10.3).
        for (var start = 0; start < entries.Count; start += 100)
        {
            var block = entries.Skip(start).Take(100).ToList();
            map.Integer(block.Count).Ascii(" beginbfchar\n");
            foreach (var (glyph, text) in block)
            {
                if (text is null)
                {
                    continue;
                }

                map.Byte((byte)'<').Hex16(glyph).Ascii("><");
                foreach (var unit in text)
                {
                    map.Hex16(unit);
                }

                map.Ascii(">\n");
            }

            map.Ascii("endbfchar\n");
        }

        map.Ascii("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend");
        return map.ToArray();
    }

    // Six capital letters from the program's bytes: the same subset gets the same tag (ISO 32000-1, 9.6.4).
    private static string SubsetTag(byte[] program)
    {
        var hash = 2166136261u;
        foreach (var b in program)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var tag = new char[6];
        for (var i = 0; i < tag.Length; i++)
        {
            tag[i] = (char)('A' + (hash % 26));
            hash /= 26;
        }

        return new string(tag);
    }
}
