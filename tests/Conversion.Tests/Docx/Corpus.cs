using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>
/// Every real .docx the tests read: the fixtures (copies from other projects and the producers' corpus) and, when
/// it is present beside the repository, the shared corpus. A file is read once however many copies exist. A refusal
/// fails the test unless the file is listed in Fixtures/expected-refusals.json with its kind and reason: a reader
/// that refused everything must not pass the corpus tests.
/// </summary>
internal static class Corpus
{
    private static readonly string FixturesRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private static readonly Lazy<string?> SharedRoot = new(FindShared);
    private static readonly Lazy<IReadOnlyDictionary<string, ExpectedRefusal>> Refusals = new(LoadRefusals);

    /// <summary>Files expected to be refused, by <see cref="Key"/>: the one list, kept as data beside the fixtures.</summary>
    public static IReadOnlyDictionary<string, ExpectedRefusal> ExpectedRefusals => Refusals.Value;

    /// <summary>The fixtures, then the shared corpus when present, without repeating identical files.</summary>
    public static IEnumerable<string> Files()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var roots = SharedRoot.Value is { } shared ? new[] { FixturesRoot, shared } : [FixturesRoot];
        foreach (var root in roots)
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.docx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (seen.Add(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary><see cref="Files"/> as theory data, for tests that run once per corpus file.</summary>
    public static TheoryData<string> Theory() => [.. Files()];

    public static string Fixture(string folder, string file) => Path.Combine(FixturesRoot, folder, file);

    /// <summary>"Producers/pandoc/release-en.docx" for a fixture, "shared:clippit/Source2.docx" for the shared corpus.</summary>
    public static string Key(string path)
    {
        var full = Path.GetFullPath(path);
        if (full.StartsWith(FixturesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Path.GetRelativePath(FixturesRoot, full).Replace('\\', '/');
        }

        return SharedRoot.Value is { } shared
            ? "shared:" + Path.GetRelativePath(shared, full).Replace('\\', '/')
            : full;
    }

    /// <summary>
    /// Reads a corpus file. A refusal fails the calling test with the file and the sentence, unless the file is
    /// listed as expected to be refused with that kind (then null); a listed file that converts fails too.
    /// </summary>
    public static Result<PressRelease>? ReadOrExpectedRefusal(string path)
    {
        var key = Key(path);
        var expected = ExpectedRefusals.GetValueOrDefault(key);
        using var stream = File.OpenRead(path);
        Result<PressRelease> result;
        try
        {
            result = new WordReader(ConversionLimits.Default).Read(stream);
        }
        catch (DocumentRejectedException rejected)
        {
            AssertRefusalExpected(path, rejected.Rejection);
            return null;
        }

        AssertConversionExpected(path);
        return result;
    }

    /// <summary>Fails unless the file is listed as expected to be refused, with this kind.</summary>
    public static void AssertRefusalExpected(string path, Rejection rejection)
    {
        var key = Key(path);
        var expected = ExpectedRefusals.GetValueOrDefault(key);
        Assert.True(expected is not null, $"{key} was refused ({rejection.Kind}): {rejection.Message} If that is right, list it in Fixtures/expected-refusals.json with the reason.");
        Assert.Equal(expected.Kind, rejection.Kind);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
    }

    /// <summary>Fails when a file that converted is listed as expected to be refused.</summary>
    public static void AssertConversionExpected(string path)
    {
        var key = Key(path);
        Assert.False(ExpectedRefusals.TryGetValue(key, out var expected), $"{key} is listed in expected-refusals.json ({expected?.Reason}) but converted: take it off the list.");
    }

    /// <summary>Like <see cref="ReadOrExpectedRefusal"/>, for tests that only need the model.</summary>
    public static PressRelease? ReleaseOrExpectedRefusal(string path) => ReadOrExpectedRefusal(path)?.Value;

    private static IReadOnlyDictionary<string, ExpectedRefusal> LoadRefusals()
    {
        var json = File.ReadAllText(Path.Combine(FixturesRoot, "expected-refusals.json"));
        var list = JsonSerializer.Deserialize<ExpectedRefusalList>(json, new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            Converters = { new JsonStringEnumConverter() },
        }) ?? throw new InvalidDataException("expected-refusals.json is empty");
        return list.Files.ToDictionary(f => f.File, StringComparer.Ordinal);
    }

    private static string? FindShared()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            directory = directory.Parent;
        }

        return null;
    }
}

/// <summary>One file every corpus test expects to be refused, and why.</summary>
internal sealed record ExpectedRefusal(string File, RejectionKind Kind, string Reason);

internal sealed record ExpectedRefusalList(IReadOnlyList<ExpectedRefusal> Files);
