using System.CommandLine;
using PressPipeline.Cli.Commands;

namespace PressPipeline.Cli;

/// <summary>Every <c>presspipe</c> verb; Program runs it, tests parse and invoke it in-process.</summary>
internal static class CliApp
{
    public static RootCommand Root()
    {
        var root = new RootCommand("presspipe: turn Word press releases into web, e-mail, text and PDF, and send them.");
        root.Options.Add(CliActor.AsOption);
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(UploadCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ReleasesCommand.Create());
        root.Subcommands.Add(PreviewCommand.Create());
        root.Subcommands.Add(ScheduleCommand.Create());
        root.Subcommands.Add(CancelCommand.Create());
        root.Subcommands.Add(ApproveCommand.Create());
        root.Subcommands.Add(TestSendCommand.Create());
        root.Subcommands.Add(CorrectCommand.Create());
        root.Subcommands.Add(TranslateCommand.Create());
        root.Subcommands.Add(AssetsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ListsCommand.Create());
        root.Subcommands.Add(SuppressionsCommand.Create());
        root.Subcommands.Add(ActivityCommand.Create());
        root.Subcommands.Add(ResumeCommand.Create());
        root.Subcommands.Add(ReleaseBatchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(RestoreTablesCommand.Create());
        return root;
    }
}
