using PressPipeline.Conversion.Rendering.Pdf;

namespace PressPipeline.Conversion.Rendering;

/// <summary>The variants every conversion produces, in manifest order.</summary>
public static class DefaultRenderers
{
    public static IReadOnlyList<IVariantRenderer> All() => [new PdfRenderer()];
}
