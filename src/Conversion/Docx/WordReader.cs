using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Docx;

/// <summary>The Open XML reader (being built: see issue #2).</summary>
public sealed class WordReader(ConversionLimits limits) : IDocxReader
{
    public ConversionLimits Limits { get; } = limits;

    public Result<PressRelease> Read(Stream docx) => throw new NotImplementedException();
}
