using System.Text;
using PressPipeline.Conversion.Rendering.Pdf.Paint;

namespace PressPipeline.Conversion.Tests.Pdf;

/// <summary>
/// Skia derives the document ID from the clock and writes it in the trailer as hex or, when shorter, as an escaped
/// literal; which one, and how long, depends on the bytes it drew. Both must come out the same.
/// </summary>
public sealed class DocumentIdentityTests
{
    // The shape of Skia's output: XMP with the UUID, objects, cross-reference table, trailer with /ID.
    private static byte[] SkiaLike(string uuid, string id) => Encoding.Latin1.GetBytes(
        "%PDF-1.7\n1 0 obj\n<</Type /Metadata /Length 99>>\nstream\n<xmpMM:DocumentID>uuid:" + uuid
        + "</xmpMM:DocumentID>\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2\n/ID ["
        + id + "]>>\nstartxref\n140\n%%EOF\n");

    [Fact]
    public void Hex_and_literal_IDs_from_different_clocks_give_the_same_bytes()
    {
        var hex = DocumentIdentity.MakeDeterministic(SkiaLike(
            "3f1a0c2e-9b7d-3e11-8a55-0123456789ab",
            "<F53F73EFA3D65990BF84135272EA411B> <F53F73EFA3D65990BF84135272EA411B>"));
        // A literal holding "]", an escaped parenthesis and octal escapes: the ID Skia wrote in the flaky run.
        var literal = DocumentIdentity.MakeDeterministic(SkiaLike(
            "93c18b81-e5a6-3660-abfc-f5eeb83c6c03",
            @"(Uj1~R=32\263Q]\(\025\233l7e\326) (Uj1~R=32\263Q]\(\025\233l7e\326)"));

        Assert.Equal(hex, literal);
    }

    [Fact]
    public void The_trailer_ID_is_the_XMP_UUID_in_hex_and_the_rest_is_untouched()
    {
        var original = SkiaLike("3f1a0c2e-9b7d-3e11-8a55-0123456789ab", @"(Uj1~R=32\263Q]\025) (Uj1~R=32\263Q]\025)");

        var text = Encoding.Latin1.GetString(DocumentIdentity.MakeDeterministic(original));

        var expectedId = UuidOf(text).Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.Contains($"/ID [<{expectedId}> <{expectedId}>]>>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("3f1a0c2e", text, StringComparison.Ordinal);
        Assert.EndsWith("\nstartxref\n140\n%%EOF\n", text, StringComparison.Ordinal);
        Assert.StartsWith(Encoding.Latin1.GetString(original)[..text.IndexOf("uuid:", StringComparison.Ordinal)], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_documents_get_different_IDs()
    {
        var changed = SkiaLike("3f1a0c2e-9b7d-3e11-8a55-0123456789ab", "<AA> <AA>");
        changed[20] ^= 1; // one byte of an object, not of the ID

        var one = Encoding.Latin1.GetString(DocumentIdentity.MakeDeterministic(SkiaLike("3f1a0c2e-9b7d-3e11-8a55-0123456789ab", "<AA> <AA>")));
        var two = Encoding.Latin1.GetString(DocumentIdentity.MakeDeterministic(changed));

        Assert.NotEqual(UuidOf(one), UuidOf(two));
    }

    private static string UuidOf(string pdf) => pdf.Substring(pdf.IndexOf("uuid:", StringComparison.Ordinal) + 5, 36);
}
