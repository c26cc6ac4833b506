using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe correct &lt;id&gt; &lt;docx&gt;</c>: a corrected version replaces the variants of the same release, before sending.</summary>
internal static class CorrectCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var file = new Argument<FileInfo>("docx") { Description = "The corrected Word document (.docx)." };
        var command = new Command("correct", "Replace a release's variants with a corrected document (before sending).") { id, file };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var docx = parse.GetValue(file)!;
            if (!docx.Exists)
            {
                Say.Problem($"{docx.FullName} does not exist.");
                return 2;
            }

            await using var services = CliServices.Build();
            await using var content = docx.OpenRead();
            var view = await services.GetRequiredService<ReleaseOperations>().CorrectAsync(parse.GetValue(id)!, content, docx.Name, CliActor.From(parse), cancellationToken);
            Say.Status(view.Status);
            return 0;
        }));
        return command;
    }
}
