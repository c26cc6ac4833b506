using System.CommandLine;
using PressPipeline.Cli.Commands;

var root = new RootCommand("presspipe: turn Word press releases into web, e-mail, text and PDF, and send them.");
root.Subcommands.Add(ConvertCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
