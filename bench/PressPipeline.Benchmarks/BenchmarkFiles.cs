namespace PressPipeline.Benchmarks;

/// <summary>The .docx files benchmarks read: the sample release and the largest corpus files, found from the repo root.</summary>
public static class BenchmarkFiles
{
    /// <summary>Short name → path relative to the repository root.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sample"] = "samples/iom-roundtable-2014.docx",
        ["report-60-chapters"] = "samples/report-60-chapters.docx",
        ["big-english"] = "tests/Conversion.Tests/Fixtures/hyperspot/test_file_big_english.docx",
        ["5DayTourPlan"] = "tests/Conversion.Tests/Fixtures/clippit/5DayTourPlanTemplate.docx",
        ["LIR007-ordinalText"] = "tests/Conversion.Tests/Fixtures/clippit/LIR007-ru-RU-ordinalText.docx",
    };

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(RepositoryRoot(), Known[name]));

    /// <summary>BenchmarkDotNet runs from a generated folder under bin/, so walk up to the solution file.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PressPipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run the benchmarks from inside the PressPipeline repository.");
    }
}
