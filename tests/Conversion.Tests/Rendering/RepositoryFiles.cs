namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>Files committed at the repository root (samples/), found by walking up from the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Path(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PressPipeline.sln")))
            {
                return System.IO.Path.Combine([directory.FullName, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("The tests run from inside the PressPipeline repository.");
    }
}
