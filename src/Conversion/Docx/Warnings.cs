using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Docx;

/// <summary>Collects warnings once each (a document with 300 charts gets one line, not 300).</summary>
internal sealed class Warnings
{
    private const int MaxWarnings = 100;
    private readonly List<ConversionWarning> items = [];
    private readonly HashSet<(string, string)> seen = [];

    public IReadOnlyList<ConversionWarning> Items => items;

    public void Add(string code, string message)
    {
        if (items.Count < MaxWarnings && seen.Add((code, message)))
        {
            items.Add(new ConversionWarning(code, message));
        }
    }
}
