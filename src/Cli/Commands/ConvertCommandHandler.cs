using PressPipeline.Conversion;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Results;
using Spectre.Console;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// Converts one file and writes every variant, the images and manifest.json. Exit codes: 0 converted,
/// 2 the input was refused (one sentence on the error writer, no trace), 1 something unexpected (a sentence;
/// the detail only with --verbose).
/// </summary>
public sealed class ConvertCommandHandler(TextWriter output, TextWriter error, ReleaseConverter? converter = null, TimeProvider? clock = null)
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int Refused = 2;

    private readonly ReleaseConverter converter = converter ?? ReleaseConverter.CreateDefault();

    public int Run(FileInfo input, DirectoryInfo? outputDirectory, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Directory.Exists(input.FullName))
        {
            error.WriteLine($"'{input.Name}' is a folder, not a Word document; give the path of a .docx file.");
            return Refused;
        }

        if (!input.Exists)
        {
            error.WriteLine($"The file '{input.FullName}' does not exist; check the path and try again.");
            return Refused;
        }

        var target = outputDirectory ?? new DirectoryInfo(Path.Combine("out", Path.GetFileNameWithoutExtension(input.Name)));
        try
        {
            return Convert(input, target);
        }
        catch (UnauthorizedAccessException)
        {
            error.WriteLine($"presspipe is not allowed to read '{input.Name}' or write to '{target.FullName}'; check the permissions.");
            return Refused;
        }
#pragma warning disable CA1031 // The promise to staff: one sentence, never a stack trace, whatever fails.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error.WriteLine($"presspipe could not convert '{input.Name}' because of an unexpected error; run again with --verbose for the details.");
            if (verbose)
            {
                error.WriteLine(exception.ToString());
            }

            return Unexpected;
        }
    }

    private int Convert(FileInfo input, DirectoryInfo target)
    {
        ConversionOutcome outcome;
        ManifestSource source;
        using (var stream = input.OpenRead())
        {
            source = ManifestWriter.Describe(input.Name, stream);
            outcome = converter.Convert(stream, RenderContext.Local);
        }

        if (outcome is ConversionOutcome.Rejected rejected)
        {
            error.WriteLine(rejected.Rejection.Message);
            return Refused;
        }

        var converted = ((ConversionOutcome.Converted)outcome).Release;
        target.Create();
        var root = target.FullName.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var file in converted.Files)
        {
            var path = Path.GetFullPath(Path.Combine(root, file.FileName));
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Refusing to write '{file.FileName}' outside the output folder.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content.Span);
        }

        var manifest = ManifestWriter.Create(converted, source, clock?.GetUtcNow());
        File.WriteAllBytes(Path.Combine(root, ManifestWriter.FileName), ManifestWriter.Serialize(manifest));
        WriteSummary(input, target, manifest);
        return Success;
    }

    private void WriteSummary(FileInfo input, DirectoryInfo target, ReleaseManifest manifest)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        console.MarkupLine($"Converted [bold]{Markup.Escape(input.Name)}[/] into [bold]{Markup.Escape(target.FullName)}[/]");
        console.MarkupLine($"Headline: {Markup.Escape(manifest.Main.Metadata.Title)}");
        var table = new Table().Border(TableBorder.Simple).AddColumn("file").AddColumn("variant").AddColumn(new TableColumn("size").RightAligned());
        foreach (var file in manifest.Main.Files)
        {
            table.AddRow(Markup.Escape(file.Path), file.Variant, Size(file.Size));
        }

        table.AddRow(ManifestWriter.FileName, "manifest", string.Empty);
        console.Write(table);
        if (manifest.Main.Warnings.Count == 0)
        {
            console.MarkupLine("No warnings.");
            return;
        }

        console.MarkupLine($"[yellow]{manifest.Main.Warnings.Count} warning(s):[/]");
        foreach (var warning in manifest.Main.Warnings)
        {
            console.MarkupLine($"  - {Markup.Escape(WarningLocation.Sentence(warning.Message, warning.Location, warning.Count))} [grey]({Markup.Escape(warning.Code)})[/]");
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MB",
    };
}
