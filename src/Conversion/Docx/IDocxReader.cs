using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Docx;

/// <summary>Reads a Word package into the press-release model.</summary>
public interface IDocxReader
{
    /// <summary>
    /// Reads the package. Bad input (not a zip, encrypted, macro-enabled, too large, zip bomb, corrupt part)
    /// throws <see cref="DocumentRejectedException"/> with one sentence a press officer understands.
    /// </summary>
    Result<PressRelease> Read(Stream docx);
}

/// <summary>Limits checked before anything is inflated.</summary>
/// <param name="MaxPackageBytes">Largest upload accepted.</param>
/// <param name="MaxExpandedBytes">Largest total uncompressed size of all parts.</param>
/// <param name="MaxCompressionRatio">Largest uncompressed/compressed ratio of any one part.</param>
/// <param name="MaxParts">Most zip entries accepted.</param>
public sealed record ConversionLimits(
    long MaxPackageBytes,
    long MaxExpandedBytes,
    double MaxCompressionRatio,
    int MaxParts)
{
    /// <summary>50 MB upload, 300 MB expanded, ratio 200, 5,000 parts.</summary>
    public static ConversionLimits Default { get; } = new(50L * 1024 * 1024, 300L * 1024 * 1024, 200, 5000);
}
