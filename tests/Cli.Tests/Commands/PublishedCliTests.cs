using System.Diagnostics;
using PressPipeline.Cli.Commands;
using PressPipeline.Conversion.Manifest;

namespace PressPipeline.Cli.Tests.Commands;

/// <summary>
/// The published presspipe is compiled ahead of time and trimmed, which can silently drop code that is reached by
/// reflection. These tests run that binary as a process and require it to write exactly what the JIT-compiled
/// converter writes in this test process: the same files, byte for byte, and the same refusals. Set
/// PRESSPIPE_PUBLISHED to the binary (<c>bash scripts/publish-cli.sh</c> prints the path); .ci/run does.
/// </summary>
public sealed class PublishedCliTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("presspipe-published-");

    public void Dispose() => work.Delete(recursive: true);

    public static TheoryData<string> Documents() =>
    [
        "samples/iom-roundtable-2014.docx",
        "samples/mom-kruglyi-stol-2014-ru.docx",
        "samples/report-60-chapters.docx",
        "tests/Conversion.Tests/Fixtures/clippit/RP051-Arabic.docx",
        "tests/Conversion.Tests/Fixtures/clippit/HC002-Hebrew-01.docx",
        "tests/Conversion.Tests/Fixtures/clippit/HC029-Table-Merged-Cells.docx",
        "tests/Conversion.Tests/Fixtures/hyperspot/test_file_2pages_multilingual.docx",
        "tests/Conversion.Tests/Fixtures/hyperspot/test_file_big_english.docx",
    ];

    [PublishedCliTheory]
    [MemberData(nameof(Documents))]
    public void The_published_binary_writes_what_the_converter_writes(string relativePath) =>
        AssertSameConversion(new FileInfo(Path.Combine(RepositoryRoot.Path, relativePath)));

    [PublishedCliFact]
    public void The_published_binary_converts_Kazakh_like_the_converter() =>
        AssertSameConversion(Write("kazakh.docx", Uploads.KazakhRelease()));

    [PublishedCliFact]
    public void The_published_binary_refuses_bad_input_with_the_same_sentence()
    {
        var input = Write("not-a-word-file.docx", Uploads.NotAZip());
        using var expectedError = new StringWriter();
        var expectedExit = new ConvertCommandHandler(TextWriter.Null, expectedError).Run(input, Folder("expected"));

        var (exit, _, error) = RunPublished(work.FullName, "convert", input.FullName, "-o", Folder("actual").FullName);

        Assert.Equal(ConvertCommandHandler.Refused, expectedExit);
        Assert.Equal(expectedExit, exit);
        Assert.Equal(expectedError.ToString().Trim(), error.Trim());
    }

    [PublishedCliFact]
    public void The_published_binary_runs_the_demo_from_upload_to_sent()
    {
        // The demo reaches the Azure SDKs, CsvHelper and SendGrid's Newtonsoft.Json serialisation: code the trimmer
        // can only warn about. It uses the Azurite that scripts/test.sh starts.
        var output = Folder("demo");

        var (exit, text, error) = RunPublished(RepositoryRoot.Path, "demo", "--out", output.FullName);

        Assert.True(exit == 0, $"presspipe demo exited with {exit}: {error}\n{text}");
        Assert.Contains("Sent", text, StringComparison.Ordinal);
        var releaseFolder = Assert.Single(output.GetDirectories(), d => d.Name != "outbox");
        Assert.True(File.Exists(Path.Combine(releaseFolder.FullName, "release.pdf")), "the demo downloaded no PDF");
        var outbox = new DirectoryInfo(Path.Combine(output.FullName, "outbox"));
        Assert.NotEmpty(outbox.GetFiles("*.eml", SearchOption.AllDirectories));
        var request = Assert.Single(outbox.GetFiles("*.sendgrid.json", SearchOption.AllDirectories));
        var json = File.ReadAllText(request.FullName);
        Assert.Contains("\"personalizations\"", json, StringComparison.Ordinal);
        Assert.Contains("\"List-Unsubscribe-Post\"", json, StringComparison.Ordinal);
        Assert.Contains("\"release_id\"", json, StringComparison.Ordinal);
    }

    [PublishedCliFact]
    public void The_published_binary_sends_the_multilingual_sample_with_its_two_files()
    {
        var output = Folder("demo-multilingual");

        var (exit, text, error) = RunPublished(RepositoryRoot.Path, "demo", "--multilingual", "--out", output.FullName);

        Assert.True(exit == 0, $"presspipe demo --multilingual exited with {exit}: {error}\n{text}");
        var flat = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "); // the console wraps long lines
        Assert.Contains("6 recipients, 3 batches accepted", flat, StringComparison.Ordinal);
        Assert.Contains("GPS position removed", flat, StringComparison.Ordinal);
        Assert.Contains("File fact-sheet.pdf (PDF,", flat, StringComparison.Ordinal);
        Assert.Contains("File photo.jpg (JPG,", flat, StringComparison.Ordinal);
        var releaseFolder = Assert.Single(output.GetDirectories(), d => d.Name != "outbox");
        Assert.True(File.Exists(Path.Combine(releaseFolder.FullName, "assets", "fact-sheet.pdf")), "the demo downloaded no fact sheet");
        var messages = new DirectoryInfo(Path.Combine(output.FullName, "outbox")).GetFiles("*.eml", SearchOption.AllDirectories);
        Assert.Equal(6, messages.Length);
        Assert.All(messages, m => Assert.Contains("assets/photo.jpg", File.ReadAllText(m.FullName), StringComparison.Ordinal));
    }

    private void AssertSameConversion(FileInfo input)
    {
        var expected = Folder("expected");
        var actual = Folder("actual");
        using var expectedError = new StringWriter();
        Assert.Equal(ConvertCommandHandler.Success, new ConvertCommandHandler(TextWriter.Null, expectedError).Run(input, expected));

        var (exit, _, error) = RunPublished(work.FullName, "convert", input.FullName, "-o", actual.FullName);

        Assert.True(exit == ConvertCommandHandler.Success, $"presspipe exited with {exit}: {error}");
        var expectedManifest = ManifestWriter.Deserialize(File.ReadAllBytes(Path.Combine(expected.FullName, ManifestWriter.FileName)));
        var actualManifest = ManifestWriter.Deserialize(File.ReadAllBytes(Path.Combine(actual.FullName, ManifestWriter.FileName)));
        Assert.Equal(expectedManifest.Main.Files, actualManifest.Main.Files);
        Assert.Equal(expectedManifest.Main.Warnings, actualManifest.Main.Warnings);
        Assert.Equal(expectedManifest.Main.Metadata.Title, actualManifest.Main.Metadata.Title);
        Assert.NotEmpty(actualManifest.Main.Files);
        foreach (var file in expectedManifest.Main.Files)
        {
            var name = file.Path;
            Assert.True(
                File.ReadAllBytes(Path.Combine(expected.FullName, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual.FullName, name))),
                $"{name} differs between the published binary and the converter.");
        }
    }

    private static (int Exit, string Output, string Error) RunPublished(string workingDirectory, params string[] arguments)
    {
        Assert.True(File.Exists(PublishedCli.Path), $"{PublishedCli.Variable} names {PublishedCli.Path}, which does not exist: the publish failed.");
        var start = new ProcessStartInfo(PublishedCli.Path!)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The published presspipe did not finish within two minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private FileInfo Write(string name, byte[] content)
    {
        var file = new FileInfo(Path.Combine(work.FullName, name));
        File.WriteAllBytes(file.FullName, content);
        return file;
    }

    private DirectoryInfo Folder(string name) => new(Path.Combine(work.FullName, name));
}

/// <summary>The published presspipe named by PRESSPIPE_PUBLISHED, if it exists.</summary>
internal static class PublishedCli
{
    public const string Variable = "PRESSPIPE_PUBLISHED";

    /// <summary>The binary's path; null (tests skipped) when the variable is unset. A path that does not exist fails the tests.</summary>
    public static string? Path { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    public const string SkipReason = "No published presspipe: run `bash scripts/publish-cli.sh` and set PRESSPIPE_PUBLISHED to the path it prints.";
}

/// <summary>A fact that runs only when a published presspipe is available.</summary>
public sealed class PublishedCliFactAttribute : FactAttribute
{
    public PublishedCliFactAttribute()
    {
        if (PublishedCli.Path is null)
        {
            Skip = PublishedCli.SkipReason;
        }
    }
}

/// <summary>A theory that runs only when a published presspipe is available.</summary>
public sealed class PublishedCliTheoryAttribute : TheoryAttribute
{
    public PublishedCliTheoryAttribute()
    {
        if (PublishedCli.Path is null)
        {
            Skip = PublishedCli.SkipReason;
        }
    }
}

/// <summary>The repository's root folder (the one holding PressPipeline.sln), found from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PressPipeline.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("PressPipeline.sln was not found above " + AppContext.BaseDirectory);
    }
}
