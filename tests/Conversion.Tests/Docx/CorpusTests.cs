using PressPipeline.Conversion.Model;

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
    public void Every_corpus_file_converts_unless_it_is_listed_as_expected_to_be_refused(string path)
    {
        if (Corpus.ReadOrExpectedRefusal(path) is not { } result)
        {
            return; // listed in expected-refusals.json, and refused for the reason given there
        }

        Assert.NotNull(result.Value.Metadata.Title);
        Assert.All(result.Warnings, w => Assert.False(string.IsNullOrWhiteSpace(w.Message)));
        var referenced = ModelText.AllInlines(result.Value.Body).OfType<Image>().Select(i => i.ResourceId).ToHashSet();
        Assert.All(referenced, id => Assert.Contains(result.Value.Images, r => r.Id == id));
    }

    [Fact]
    public void The_corpus_is_found_with_every_producer()
    {
        var files = Corpus.Files().Select(Corpus.Key).ToList();
        Assert.True(files.Count >= 57 + 20, $"the fixtures and the producers' corpus hold at least 77 files, found {files.Count}");
        foreach (var producer in new[] { "pandoc", "libreoffice", "docxjs", "python-docx", "hand-made" })
        {
            Assert.Contains(files, f => f.StartsWith($"Producers/{producer}/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_expected_refusal_names_a_file_a_kind_and_a_reason()
    {
        Assert.NotEmpty(Corpus.ExpectedRefusals);
        Assert.All(Corpus.ExpectedRefusals, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.Value.Reason), pair.Key);
            Assert.True(Enum.IsDefined(pair.Value.Kind), pair.Key);
        });

        // A listed fixture that no longer exists would hide nothing, but says the list has gone stale.
        Assert.All(Corpus.ExpectedRefusals.Keys.Where(k => !k.StartsWith("shared:", StringComparison.Ordinal)), key =>
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Fixtures", key)), $"{key} is listed in expected-refusals.json but missing"));
    }
}
