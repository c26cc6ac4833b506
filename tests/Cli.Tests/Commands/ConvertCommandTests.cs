using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using PressPipeline.Cli.Commands;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Manifest;

namespace PressPipeline.Cli.Tests.Commands;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("presspipe-cli-");
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose()
    {
        work.Delete(recursive: true);
        output.Dispose();
        error.Dispose();
    }

    private FileInfo Write(string name, byte[] content)
    {
        var file = new FileInfo(Path.Combine(work.FullName, name));
        File.WriteAllBytes(file.FullName, content);
        return file;
    }

    private int Run(FileInfo input, DirectoryInfo? target = null, ReleaseConverter? converter = null, bool verbose = false) =>
        new ConvertCommandHandler(output, error, converter).Run(input, target ?? new DirectoryInfo(Path.Combine(work.FullName, "out")), verbose);

    private void AssertOneSentenceWithoutTrace()
    {
        var message = error.ToString().Trim();
        Assert.NotEmpty(message);
        Assert.DoesNotContain('\n', message);
        Assert.EndsWith(".", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Converting_a_release_writes_every_variant_and_a_manifest_with_matching_hashes()
    {
        var input = Write("release.docx", Uploads.SmallRelease());
        var target = new DirectoryInfo(Path.Combine(work.FullName, "out"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

        var exit = new ConvertCommandHandler(output, error, clock: clock).Run(input, target);

        Assert.Equal(ConvertCommandHandler.Success, exit);
        Assert.Equal(string.Empty, error.ToString());
        var manifest = ManifestWriter.Deserialize(File.ReadAllBytes(Path.Combine(target.FullName, "manifest.json")));
        Assert.Contains(manifest.Main.Files, f => f.Path == "index.html" && f.Variant == "web");
        Assert.Contains(manifest.Main.Files, f => f.Path == "email.html" && f.Variant == "email");
        Assert.Contains(manifest.Main.Files, f => f.Path == "release.txt" && f.Variant == "text");
        foreach (var file in manifest.Main.Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(target.FullName, file.Path));
            Assert.Equal(file.Size, bytes.Length);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        }

        Assert.Equal("release.docx", manifest.Main.Source.FileName);
        Assert.Equal(input.Length, manifest.Main.Source.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(input.FullName))), manifest.Main.Source.Sha256);
        Assert.Equal("IOM Roundtable on Migration and Development", manifest.Main.Metadata.Title);
        Assert.Equal("immediate", manifest.Main.Metadata.Release.Kind);
        Assert.Equal(clock.GetUtcNow(), manifest.ConvertedAt);
        Assert.Contains("index.html", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("IOM Roundtable on Migration and Development", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_output_folder_is_out_and_the_file_name()
    {
        var input = Write("May release.docx", Uploads.SmallRelease());
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = work.FullName;
        try
        {
            var exit = new ConvertCommandHandler(output, error).Run(input, null);

            Assert.Equal(ConvertCommandHandler.Success, exit);
            Assert.True(File.Exists(Path.Combine(work.FullName, "out", "May release", "index.html")));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    public static TheoryData<string, string> BadUploads => new()
    {
        { "empty", "empty.docx" },
        { "not-a-zip", "letter.docx" },
        { "zip-without-document", "archive.docx" },
        { "password-protected", "protected.docx" },
        { "macro-enabled", "macros.docm" },
        { "zip-bomb", "bomb.docx" },
        { "corrupt-part", "corrupt.docx" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public void Bad_upload_is_refused_with_exit_2_and_one_sentence(string kind, string name)
    {
        var content = kind switch
        {
            "empty" => [],
            "not-a-zip" => Uploads.NotAZip(),
            "zip-without-document" => Uploads.ZipWithoutDocument(),
            "password-protected" => Uploads.PasswordProtected(),
            "macro-enabled" => Uploads.MacroEnabled(),
            "zip-bomb" => Uploads.ZipBomb(),
            "corrupt-part" => Uploads.CorruptPart(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var exit = Run(Write(name, content));

        Assert.Equal(ConvertCommandHandler.Refused, exit);
        AssertOneSentenceWithoutTrace();
        Assert.False(File.Exists(Path.Combine(work.FullName, "out", "manifest.json")));
    }

    [Fact]
    public void Upload_over_the_size_limit_is_refused_with_exit_2()
    {
        var converter = ReleaseConverter.CreateDefault(ConversionLimits.Default with { MaxPackageBytes = 1024 });

        var exit = Run(Write("big.docx", Uploads.SmallRelease()), converter: converter);

        Assert.Equal(ConvertCommandHandler.Refused, exit);
        AssertOneSentenceWithoutTrace();
    }

    [Fact]
    public void Missing_file_is_refused_with_exit_2_and_one_sentence()
    {
        var exit = Run(new FileInfo(Path.Combine(work.FullName, "nowhere.docx")));

        Assert.Equal(ConvertCommandHandler.Refused, exit);
        AssertOneSentenceWithoutTrace();
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_given_as_the_file_is_refused_with_exit_2()
    {
        var exit = Run(new FileInfo(work.FullName));

        Assert.Equal(ConvertCommandHandler.Refused, exit);
        AssertOneSentenceWithoutTrace();
    }

    [Fact]
    public void Unexpected_failure_exits_1_with_a_sentence_and_details_only_when_verbose()
    {
        var input = Write("release.docx", Uploads.SmallRelease());
        var blocker = Write("blocker", [1]); // a file where the output folder should go

        var quiet = Run(input, new DirectoryInfo(blocker.FullName));
        var quietError = error.ToString();
        error.GetStringBuilder().Clear();
        var verbose = Run(input, new DirectoryInfo(blocker.FullName), verbose: true);

        Assert.Equal(ConvertCommandHandler.Unexpected, quiet);
        Assert.DoesNotContain("   at ", quietError, StringComparison.Ordinal);
        Assert.Contains("--verbose", quietError, StringComparison.Ordinal);
        Assert.Equal(ConvertCommandHandler.Unexpected, verbose);
        Assert.Contains("Exception", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_parses_file_and_output_option()
    {
        var input = Write("release.docx", Uploads.SmallRelease());
        var target = Path.Combine(work.FullName, "chosen");
        var command = new System.CommandLine.RootCommand();
        command.Subcommands.Add(ConvertCommand.Create());

        var exit = command.Parse(["convert", input.FullName, "-o", target]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(target, "manifest.json")));
    }

    [Fact]
    public void Converting_the_sample_writes_its_image_variants_and_manifest_with_matching_hashes()
    {
        var input = new FileInfo(SamplePath("iom-roundtable-2014.docx"));
        var target = new DirectoryInfo(Path.Combine(work.FullName, "sample"));

        var exit = Run(input, target);

        Assert.Equal(ConvertCommandHandler.Success, exit);
        var manifest = ManifestWriter.Deserialize(File.ReadAllBytes(Path.Combine(target.FullName, "manifest.json")));
        Assert.Equal(["image", "web", "email", "text"], manifest.Main.Files.Select(f => f.Variant).Distinct().Where(v => v != "pdf"));
        Assert.All(manifest.Main.Files, file =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(target.FullName, file.Path));
            Assert.Equal(file.Size, bytes.Length);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        });
        Assert.Equal("embargoed", manifest.Main.Metadata.Release.Kind);
        Assert.Equal("Asia/Almaty", manifest.Main.Metadata.Release.TimeZone);
        Assert.Equal("###", manifest.Main.Metadata.EndMark);
    }

    [Fact]
    public void Warnings_are_printed_with_where_they_are_in_the_document_and_written_to_the_manifest()
    {
        var input = new FileInfo(Path.Combine(RepositoryRoot.Path, "tests", "Conversion.Tests", "Fixtures", "Producers", "pandoc", "warnings-en.docx"));
        var target = new DirectoryInfo(Path.Combine(work.FullName, "warnings"));

        var exit = Run(input, target);

        Assert.Equal(ConvertCommandHandler.Success, exit);
        Assert.Contains("only its text was kept. — table 1, row 3, cell 2, near “Recruitment, see the speaker’s notes”", Flat(output.ToString()), StringComparison.Ordinal);
        Assert.Contains("— paragraph 4, near “The programme is on the old intranet and…” (2 times)", Flat(output.ToString()), StringComparison.Ordinal);
        var manifest = ManifestWriter.Deserialize(File.ReadAllBytes(Path.Combine(target.FullName, "manifest.json")));
        Assert.Equal("footnote", Assert.Single(manifest.Main.Warnings, w => w.Message.Contains("\"smb:\"", StringComparison.Ordinal)).Location!.Kind);
    }

    [Fact]
    public void Renderer_warnings_and_a_page_header_are_printed_with_where_they_are()
    {
        var producers = Path.Combine(RepositoryRoot.Path, "tests", "Conversion.Tests", "Fixtures", "Producers", "python-docx");

        Assert.Equal(ConvertCommandHandler.Success, Run(new FileInfo(Path.Combine(producers, "places-en.docx")), new DirectoryInfo(Path.Combine(work.FullName, "places"))));
        Assert.Equal(ConvertCommandHandler.Success, Run(new FileInfo(Path.Combine(producers, "long-en.docx")), new DirectoryInfo(Path.Combine(work.FullName, "long"))));

        var printed = Flat(output.ToString());
        Assert.Contains("put it in the body of the release. — page header, near “IOM Mission in Kazakhstan, 14 Mamyr…”", printed, StringComparison.Ordinal);
        Assert.Contains("The web page and e-mail show them. — table 1, row 2, cell 2, near “Opening remarks:", printed, StringComparison.Ordinal);
        Assert.Contains("— paragraph 5, picture image1.png", printed, StringComparison.Ordinal);
        Assert.Contains("move tables into the PDF. — the whole document", printed, StringComparison.Ordinal);
    }

    /// <summary>The console output as one line: Spectre wraps long lines at the console's width.</summary>
    private static string Flat(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private static string SamplePath(string name) => Path.Combine(RepositoryRoot.Path, "samples", name);
}
