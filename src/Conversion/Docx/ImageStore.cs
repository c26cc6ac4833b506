using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Image parts taken out of the package once each, named image1, image2… in order of first use, their
/// bytes copied with a cap so a part that lies about its size can't exhaust memory.
/// </summary>
internal sealed class ImageStore(ConversionLimits limits, Warnings warnings)
{
    private readonly Dictionary<Uri, ImageResource> byPart = [];
    private readonly List<ImageResource> images = [];
    private long bytesTaken;

    public IReadOnlyList<ImageResource> Images => images;

    public ImageResource? Take(OpenXmlPart part)
    {
        if (byPart.TryGetValue(part.Uri, out var known))
        {
            return known;
        }

        byte[]? data;
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
        {
            data = BoundedCopy.ReadAll(stream, limits.MaxExpandedBytes - bytesTaken);
        }

        if (data is null)
        {
            throw PackageGuard.ZipBomb();
        }

        bytesTaken += data.Length;
        var contentType = part.ContentType;
        var extension = Extension(contentType, part.Uri);
        if (extension is "emf" or "wmf" or "tiff" or "bmp" or "wdp")
        {
            warnings.Add("image.format", $"A picture is in a format browsers may not show ({extension}); replace it with a PNG or JPEG in Word for best results.");
        }

        var id = "image" + (images.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (width, height) = ImageHeader.Size(data);
        var resource = new ImageResource(id, id + "." + extension, contentType, data, width, height);
        images.Add(resource);
        byPart[part.Uri] = resource;
        return resource;
    }

    private static string Extension(string contentType, Uri uri) => contentType switch
    {
        "image/png" => "png",
        "image/jpeg" or "image/jpg" or "image/pjpeg" => "jpg",
        "image/gif" => "gif",
        "image/bmp" => "bmp",
        "image/tiff" => "tiff",
        "image/x-emf" or "image/emf" => "emf",
        "image/x-wmf" or "image/wmf" => "wmf",
        "image/svg+xml" => "svg",
        "image/webp" => "webp",
        _ => Path.GetExtension(uri.OriginalString).TrimStart('.').ToLowerInvariant() is { Length: > 0 and < 6 } e ? e : "bin",
    };
}
