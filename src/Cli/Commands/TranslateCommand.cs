using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe translate &lt;id&gt; &lt;docx&gt; [--language ru]</c>: adds a language version to a release that has not
/// gone out (or replaces the one in that language); same id, status, send and publish time.
/// </summary>
internal static class TranslateCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var file = new Argument<FileInfo>("docx") { Description = "The translated Word document (.docx)." };
        var language = new Option<string?>("--language", "-l") { Description = "Its language (ru, kk, en); default: the document's own." };
        var command = new Command("translate", "Add a language version to a release (before sending).") { id, file, language };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var docx = parse.GetValue(file)!;
            if (!docx.Exists)
            {
                Say.Problem($"{docx.FullName} does not exist.");
                return 2;
            }

            await using var services = CliServices.Build();
            services.GetRequiredService<UploadLimits>().Document.Require(docx.Length);
            await using var content = docx.OpenRead();
            var result = await services.GetRequiredService<ReleaseOperations>()
                .TranslateAsync(parse.GetValue(id)!, content, docx.Name, parse.GetValue(language), CliActor.From(parse), cancellationToken);
            Say.Status(result.Status);
            return 0;
        }));
        return command;
    }
}
