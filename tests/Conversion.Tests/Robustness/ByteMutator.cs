using System.IO.Compression;

namespace PressPipeline.Conversion.Tests.Robustness;

/// <summary>
/// Seeded byte-level damage to a .docx, the kind a bad upload, a broken disk or a hostile sender produces:
/// bytes flipped anywhere in the container, in the zip central directory, a truncated file, or bytes flipped,
/// inserted or removed inside one part's uncompressed XML (re-zipped so the damage reaches the XML parser).
/// The same seed always gives the same mutants, so a failure found by the long run can be replayed.
/// Shared by the short test run and the long-run command in bench/ (linked there).
/// </summary>
internal sealed class ByteMutator(byte[] original, int seed)
{
    private readonly Random random = new(seed);
    private readonly string[] xmlParts = XmlPartNames(original);

    public enum Kind
    {
        ContainerBytes,
        CentralDirectory,
        Truncated,
        PartBytes,
    }

    /// <summary>The next mutant and what was done to it.</summary>
    public (Kind Kind, byte[] Bytes) Next()
    {
        var kind = (Kind)random.Next(4);
        return (kind, kind switch
        {
            Kind.ContainerBytes => Flip(original, 0, original.Length, random.Next(1, 9)),
            Kind.CentralDirectory => Flip(original, CentralDirectoryStart(original), original.Length, random.Next(1, 5)),
            Kind.Truncated => original[..random.Next(1, original.Length)],
            _ => DamageOnePart(),
        });
    }

    private byte[] Flip(byte[] source, int from, int to, int count)
    {
        var copy = (byte[])source.Clone();
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(from, to);
            copy[at] = random.Next(3) switch
            {
                0 => (byte)(copy[at] ^ (1 << random.Next(8))),
                1 => (byte)random.Next(256),
                _ => (byte)"<>/\"'&=:\0"[random.Next(9)],
            };
        }

        return copy;
    }

    private byte[] DamageOnePart()
    {
        var target = xmlParts[random.Next(xmlParts.Length)];
        using var input = new ZipArchive(new MemoryStream(original, writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                byte[] content;
                using (var stream = entry.Open())
                using (var buffer = new MemoryStream())
                {
                    stream.CopyTo(buffer);
                    content = buffer.ToArray();
                }

                if (entry.FullName == target && content.Length > 0)
                {
                    content = random.Next(3) switch
                    {
                        0 => Flip(content, 0, content.Length, random.Next(1, 9)),
                        1 => Insert(content),
                        _ => Remove(content),
                    };
                }

                using var written = zip.CreateEntry(entry.FullName).Open();
                written.Write(content);
            }
        }

        return output.ToArray();
    }

    private byte[] Insert(byte[] content)
    {
        var at = random.Next(content.Length);
        var extra = new byte[random.Next(1, 16)];
        random.NextBytes(extra);
        return [.. content[..at], .. extra, .. content[at..]];
    }

    private byte[] Remove(byte[] content)
    {
        var at = random.Next(content.Length);
        var length = Math.Min(random.Next(1, 64), content.Length - at);
        return [.. content[..at], .. content[(at + length)..]];
    }

    private static string[] XmlPartNames(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".xml", StringComparison.Ordinal) || n.EndsWith(".rels", StringComparison.Ordinal))];
    }

    /// <summary>Where the central directory starts, read from the end-of-central-directory record.</summary>
    private static int CentralDirectoryStart(byte[] docx)
    {
        for (var i = docx.Length - 22; i >= 0; i--)
        {
            if (docx[i] == 0x50 && docx[i + 1] == 0x4B && docx[i + 2] == 0x05 && docx[i + 3] == 0x06)
            {
                return BitConverter.ToInt32(docx, i + 16);
            }
        }

        return Math.Max(0, docx.Length - 1024);
    }
}
