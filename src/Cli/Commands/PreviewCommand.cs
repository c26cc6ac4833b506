using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe preview &lt;id&gt; [-o folder] [--pdf-pages folder]</c>: every variant with its signed link (24 h) and the
/// warnings; with <c>-o</c> the files themselves are written to the folder, since signed links need the Functions app
/// to answer; with <c>--pdf-pages</c> the PDF's pages as PNG images, as the staff console shows them.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write the variants into this folder." };
        var pdfPages = new Option<DirectoryInfo?>("--pdf-pages") { Description = "Write the PDF's pages as PNG images (page-1.png, …) into this folder." };
        var command = new Command("preview", "Show a release's variants with links (and save them with -o).") { id, output, pdfPages };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var preview = await services.GetRequiredService<ReleaseOperations>().PreviewAsync(parse.GetValue(id)!, cancellationToken);
            Say.Done($"{preview.Title} ({preview.State}, version {preview.Version})");
            Say.Line($"  subject: {preview.Email.Subject}");
            foreach (var problem in preview.Email.Problems)
            {
                Say.Warning(problem);
            }

            foreach (var file in preview.Files)
            {
                Say.Line($"  {file.Variant,-6} {file.FileName}  {file.Bytes:N0} bytes  {file.Link}");
            }

            foreach (var warning in preview.Warnings)
            {
                Say.Warning(warning.ToString());
            }

            if (parse.GetValue(output) is { } folder)
            {
                var store = services.GetRequiredService<ReleaseBlobStore>();
                foreach (var file in preview.Files)
                {
                    var target = new FileInfo(Path.Combine(folder.FullName, file.FileName));
                    target.Directory!.Create();
                    var bytes = await store.ReadAsync(preview.Id, file.FileName, cancellationToken);
                    await File.WriteAllBytesAsync(target.FullName, bytes?.ToArray() ?? [], cancellationToken);
                }

                Say.Done($"Wrote {preview.Files.Count} files to {folder.FullName}");
            }

            if (parse.GetValue(pdfPages) is { } pagesFolder)
            {
                var pages = services.GetRequiredService<PdfPagePreview>();
                var count = await pages.PageCountAsync(preview.Id, cancellationToken);
                pagesFolder.Create();
                for (var n = 1; n <= count; n++)
                {
                    var image = await pages.PageAsync(preview.Id, n, cancellationToken);
                    await File.WriteAllBytesAsync(Path.Combine(pagesFolder.FullName, $"page-{n}.png"), image.Png, cancellationToken);
                }

                Say.Done($"Wrote {count} PDF page image(s) to {pagesFolder.FullName}");
            }

            return 0;
        }));
        return command;
    }
}
