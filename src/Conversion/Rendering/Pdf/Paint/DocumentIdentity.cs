using System.Security.Cryptography;
using System.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// Skia writes a random-ish document UUID (from the clock) into the XMP packet and the trailer /ID when
/// PDF/A is on, so two renders of one release would differ. We replace it, byte for byte and at the same
/// length (the cross-reference offsets stay valid), with a hash of the rest of the file: same input,
/// same bytes, and different documents still get different IDs.
/// </summary>
internal static class DocumentIdentity
{
    private static readonly byte[] UuidMarker = "uuid:"u8.ToArray();
    private static readonly byte[] IdMarker = "/ID ["u8.ToArray();

    public static byte[] MakeDeterministic(byte[] pdf)
    {
        var uuids = FindAll(pdf, UuidMarker).Select(i => (Start: i + UuidMarker.Length, Length: 36)).Where(r => r.Start + r.Length <= pdf.Length).ToList();
        var ids = FindAll(pdf, IdMarker).Select(i => i + IdMarker.Length).ToList();
        if (uuids.Count == 0 && ids.Count == 0)
        {
            return pdf;
        }

        var blanked = (byte[])pdf.Clone();
        foreach (var (start, length) in uuids)
        {
            blanked.AsSpan(start, length).Fill((byte)'0');
        }

        var idRanges = new List<(int Start, int Length)>();
        foreach (var start in ids)
        {
            var end = Array.IndexOf(pdf, (byte)']', start);
            if (end > start)
            {
                idRanges.Add((start, end - start));
                blanked.AsSpan(start, end - start).Fill((byte)'0');
            }
        }

        var hash = SHA256.HashData(blanked).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // name-based UUID layout, as Skia's own
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(hash);
        var uuid = Encoding.ASCII.GetBytes(string.Join('-', hex[..8], hex[8..12], hex[12..16], hex[16..20], hex[20..]).ToLowerInvariant());
        foreach (var (start, length) in uuids)
        {
            uuid.CopyTo(pdf, start);
        }

        foreach (var (start, length) in idRanges)
        {
            // Skia writes "<HEX> <HEX>"; both halves become our ID, keeping the length.
            var replacement = Encoding.ASCII.GetBytes($"<{hex}> <{hex}>");
            if (replacement.Length == length)
            {
                replacement.CopyTo(pdf, start);
            }
        }

        return pdf;
    }

    private static IEnumerable<int> FindAll(byte[] haystack, byte[] needle)
    {
        var offset = 0;
        while (offset < haystack.Length)
        {
            var found = haystack.AsSpan(offset).IndexOf(needle);
            if (found < 0)
            {
                yield break;
            }

            yield return offset + found;
            offset += found + needle.Length;
        }
    }
}
