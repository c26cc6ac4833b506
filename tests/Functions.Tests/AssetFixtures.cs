namespace PressPipeline.Functions.Tests;

/// <summary>
/// Files the tests read from the repository: the pipeline tests' asset fixtures (tests/Pipeline.Tests/Fixtures/assets,
/// made by make-fixtures.py there) and the samples (samples/, described in samples/README.md).
/// </summary>
internal static class AssetFixtures
{
    public static byte[] Read(string name) => Find(Path.Combine("tests", "Pipeline.Tests", "Fixtures", "assets", name));

    public static byte[] Sample(string name) => Find(Path.Combine("samples", name));

    private static byte[] Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException(relative);
    }
}
