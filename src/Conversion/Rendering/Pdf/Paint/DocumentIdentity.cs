using System.Security.Cryptography;
using System.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// Skia writes a random-ish document UUID (from the clock) into the XMP packet and the trailer /ID when
/// PDF/A is on, so two renders of one release would differ. We replace both with a hash of the rest of the
/// file: same input, same bytes, and different documents still get different IDs. Runs on Skia's own output,
/// before anything is appended: the XMP UUID keeps its length (36 characters), and the trailer comes after the
/// cross-reference table it would otherwise shift, so the /ID may change length. That matters because Skia writes
/// the ID as hex or, when shorter, as an escaped literal whose length depends on the clock's bytes; we always
/// write it as hex.
/// </summary>
internal static class DocumentIdentity
{
    private static readonly byte[] UuidMarker = "uuid:"u8.ToArray();
    private static readonly byte[] IdMarker = "/ID ["u8.ToArray();
    private static readonly byte[] XrefMarker = "\nxref"u8.ToArray();

    public static byte[] MakeDeterministic(byte[] pdf)
    {
        var lastXref = pdf.AsSpan().LastIndexOf(XrefMarker);

        // The XMP packet is an object, so its UUID comes before the cross-reference table and keeps its offset
        // when the trailer after that table changes length.
        var uuids = FindAll(pdf, UuidMarker).Select(i => i + UuidMarker.Length)
            .Where(i => i + 36 <= pdf.Length && (lastXref < 0 || i < lastXref)).ToList();
        var ids = new List<(int Start, int End)>();
        foreach (var start in FindAll(pdf, IdMarker).Select(i => i + IdMarker.Length))
        {
            // Only a trailer after the last cross-reference table may change length without moving an object.
            if (start > lastXref && EndOfIdArray(pdf, start) is { } end)
            {
                ids.Add((start, end));
            }
        }

        if (uuids.Count == 0 && ids.Count == 0)
        {
            return pdf;
        }

        var hash = HashWithoutClock(pdf, uuids, ids);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // name-based UUID layout, as Skia's own
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(hash);
        var uuid = Encoding.ASCII.GetBytes(string.Join('-', hex[..8], hex[8..12], hex[12..16], hex[16..20], hex[20..]).ToLowerInvariant());
        var trailerId = Encoding.ASCII.GetBytes($"<{hex}> <{hex}>");

        // One copy of the file, written in place: a report's PDF is past the large-object threshold, and
        // every extra copy of it brought a full collection nearer.
        var output = new byte[pdf.Length + ids.Sum(id => trailerId.Length - (id.End - id.Start))];
        var copied = 0;
        var written = 0;
        foreach (var (start, end) in ids)
        {
            pdf.AsSpan(copied, start - copied).CopyTo(output.AsSpan(written));
            written += start - copied;
            trailerId.CopyTo(output, written);
            written += trailerId.Length;
            copied = end;
        }

        pdf.AsSpan(copied).CopyTo(output.AsSpan(written));
        foreach (var start in uuids)
        {
            uuid.CopyTo(output, start);
        }

        return output;
    }

    /// <summary>
    /// The first 16 bytes of the SHA-256 of the file with the UUIDs zeroed and the trailer IDs left out,
    /// hashed piece by piece rather than over a blanked copy.
    /// </summary>
    private static byte[] HashWithoutClock(byte[] pdf, List<int> uuids, List<(int Start, int End)> ids)
    {
        Span<byte> zeros = stackalloc byte[36];
        zeros.Fill((byte)'0');
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var cuts = uuids.Select(start => (Start: start, End: start + 36, Blank: true))
            .Concat(ids.Select(id => (id.Start, id.End, Blank: false)))
            .OrderBy(cut => cut.Start);
        var copied = 0;
        foreach (var (start, end, blank) in cuts)
        {
            hash.AppendData(pdf.AsSpan(copied, start - copied));
            if (blank)
            {
                hash.AppendData(zeros);
            }

            copied = end;
        }

        hash.AppendData(pdf.AsSpan(copied));
        return hash.GetHashAndReset().AsSpan(0, 16).ToArray();
    }

    /// <summary>
    /// Where the "]" closing "/ID [a b]" is, reading the two strings properly: a literal may itself hold "]",
    /// escaped or nested parentheses. Null when the bytes are not two strings.
    /// </summary>
    private static int? EndOfIdArray(byte[] pdf, int start)
    {
        var i = start;
        for (var n = 0; n < 2; n++)
        {
            while (i < pdf.Length && pdf[i] == (byte)' ')
            {
                i++;
            }

            if (i >= pdf.Length)
            {
                return null;
            }

            if (pdf[i] == (byte)'<')
            {
                i = Array.IndexOf(pdf, (byte)'>', i);
                if (i < 0)
                {
                    return null;
                }

                i++;
            }
            else if (pdf[i] == (byte)'(')
            {
                var depth = 0;
                for (; i < pdf.Length; i++)
                {
                    if (pdf[i] == (byte)'\\')
                    {
                        i++; // the escaped byte, whatever it is
                    }
                    else if (pdf[i] == (byte)'(')
                    {
                        depth++;
                    }
                    else if (pdf[i] == (byte)')' && --depth == 0)
                    {
                        break;
                    }
                }

                if (i >= pdf.Length)
                {
                    return null;
                }

                i++;
            }
            else
            {
                return null;
            }
        }

        return i < pdf.Length && pdf[i] == (byte)']' ? i : null;
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
