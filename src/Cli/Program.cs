using System.CommandLine;
using PressPipeline.Cli.Commands;

var root = new RootCommand("presspipe: turn Word press releases into web, e-mail, text and PDF, and send them.");
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(UploadCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(ReleasesCommand.Create());
root.Subcommands.Add(ResumeCommand.Create());
root.Subcommands.Add(ReleaseBatchCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
