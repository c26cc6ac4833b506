namespace PressPipeline.Functions.Tests;

/// <summary>The asset fixtures of the pipeline's tests (tests/Pipeline.Tests/Fixtures/assets, made by make-fixtures.py there).</summary>
internal static class AssetFixtures
{
    public static byte[] Read(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Pipeline.Tests", "Fixtures", "assets", name);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException(name);
    }
}
