using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe upload &lt;docx&gt; --lists a,b --send-at 2026-12-01T09:00 --publish-at … --zone Asia/Almaty</c>:
/// puts the file into the uploads container with its instructions as blob metadata (as staff would) and
/// processes it at once, since no Event Grid fires locally.
/// </summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("docx") { Description = "The Word press release (.docx)." };
        var lists = new Option<string?>("--lists") { Description = "Media lists, comma-separated (contacts/<list>.csv)." };
        var tags = new Option<string?>("--tags") { Description = "Only contacts with one of these tags, comma-separated." };
        var sendAt = new Option<string?>("--send-at") { Description = "Local send time in --zone, e.g. 2026-12-01T09:00, or 'now'." };
        var publishAt = new Option<string?>("--publish-at") { Description = "Local publish (embargo lift) time; default: the document's embargo, else the send time." };
        var zone = new Option<string?>("--zone") { Description = "IANA time zone of the times, e.g. Asia/Almaty." };
        var attachPdf = new Option<bool>("--attach-pdf") { Description = "Attach the PDF to the e-mail as well as linking it." };

        var command = new Command("upload", "Upload a .docx with lists and times; nothing is sent without both.") { file, lists, tags, sendAt, publishAt, zone, attachPdf };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var docx = parse.GetValue(file)!;
            if (!docx.Exists)
            {
                Say.Problem($"{docx.FullName} does not exist.");
                return 2;
            }

            var instructions = new ReleaseInstructions(
                ReleaseInstructions.SplitList(parse.GetValue(lists)),
                ReleaseInstructions.SplitList(parse.GetValue(tags)),
                parse.GetValue(sendAt),
                parse.GetValue(publishAt),
                parse.GetValue(zone),
                parse.GetValue(attachPdf));

            await using var services = CliServices.Build();
            await using (var content = docx.OpenRead())
            {
                await services.GetRequiredService<UploadsInbox>().PutAsync(docx.Name, content, instructions, cancellationToken);
            }

            Say.Done($"Uploaded uploads/{docx.Name}");
            var result = await services.GetRequiredService<UploadProcessor>().ProcessAsync(docx.Name, null, cancellationToken);
            Say.Status(result!.Status);
            return result.InstructionProblem is null && result.Status.State is not (Pipeline.Status.ReleaseState.Rejected or Pipeline.Status.ReleaseState.Failed) ? 0 : 2;
        }));
        return command;
    }
}
