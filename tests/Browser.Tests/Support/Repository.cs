namespace PressPipeline.Browser.Tests.Support;

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Sample => System.IO.Path.Combine(Root, "samples", "iom-roundtable-2014.docx");

    public static string SampleList => System.IO.Path.Combine(Root, "samples", "contacts", "media.csv");

    /// <summary>Screenshots of every page the tests visit (git-ignored, like the rest of out/).</summary>
    public static string Screenshots => System.IO.Path.Combine(Root, "out", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PressPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside a PressPipeline checkout (no PressPipeline.sln above " + AppContext.BaseDirectory + ").");
    }
}
