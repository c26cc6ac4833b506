using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>
/// Every real .docx gives a model or a typed rejection, never another exception. Reads the full shared
/// corpus when it is present beside the repository, and the copies in Fixtures/ otherwise.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> CorpusFiles() => Corpus.Theory();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_file_gives_a_model_or_a_typed_rejection(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            var result = new WordReader(ConversionLimits.Default).Read(stream);
            Assert.NotNull(result.Value.Metadata.Title);
            Assert.All(result.Warnings, w => Assert.False(string.IsNullOrWhiteSpace(w.Message)));
            var referenced = ModelText.AllInlines(result.Value.Body).OfType<Image>().Select(i => i.ResourceId).ToHashSet();
            Assert.All(referenced, id => Assert.Contains(result.Value.Images, r => r.Id == id));
        }
        catch (DocumentRejectedException rejected)
        {
            Assert.False(string.IsNullOrWhiteSpace(rejected.Rejection.Message));
        }
    }

    [Fact]
    public void The_corpus_is_found()
    {
        Assert.True(Corpus.Files().Count() >= 57, "the fixtures folder holds at least the copied subset");
    }
}

internal static class Corpus
{
    private static readonly string FixturesRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The shared corpus (../shared/corpus from the repository) when present, else the copied fixtures.</summary>
    public static IEnumerable<string> Files()
    {
        var shared = FindShared();
        var root = shared ?? FixturesRoot;
        return Directory.EnumerateFiles(root, "*.docx", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
    }

    /// <summary><see cref="Files"/> as theory data, for tests that run once per corpus file.</summary>
    public static TheoryData<string> Theory() => [.. Files()];

    public static string Fixture(string folder, string file) => Path.Combine(FixturesRoot, folder, file);

    private static string? FindShared()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        return null;
    }
}
