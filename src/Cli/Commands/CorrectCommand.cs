using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe correct &lt;id&gt; &lt;docx&gt; [--note "…"]</c>: a corrected version replaces the variants of the same
/// release; once sent, it also goes to the recipients as "CORRECTED: …" with the note, showing the send's progress.
/// </summary>
internal static class CorrectCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var file = new Argument<FileInfo>("docx") { Description = "The corrected Word document (.docx)." };
        var note = new Option<string>("--note") { Description = "What changed, shown at the top of the e-mail (required once the release was sent), e.g. \"The date of the round table was wrong: it is 22 May\"." };
        var command = new Command("correct", "Replace a release's variants with a corrected document; once sent, e-mail it as CORRECTED to the same recipients.") { id, file, note };
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
            var operations = services.GetRequiredService<ReleaseOperations>();
            var view = await CliProgress.RunAsync("Correction", progress =>
                operations.CorrectAsync(parse.GetValue(id)!, content, docx.Name, CliActor.From(parse), cancellationToken, parse.GetValue(note), progress));
            Say.Status(view.Status);
            return 0;
        }));
        return command;
    }
}
