using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering;

/// <summary>The variants every conversion produces, in manifest order.</summary>
public static class DefaultRenderers
{
    public static IReadOnlyList<IVariantRenderer> All(TemplateLibrary? templates = null)
    {
        var library = templates ?? TemplateLibrary.Embedded;
        return
        [
            new WebRenderer(library),
            new EmailRenderer(library),
            new TextRenderer(library),
            new PdfRenderer(),
        ];
    }
}
