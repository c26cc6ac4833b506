using System.CommandLine;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe convert &lt;file.docx&gt; [-o dir] [--verbose]</c>: the command line around <see cref="ConvertCommandHandler"/>.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The Word press release (.docx) to convert." };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Folder to write the variants into (default: out/<file name>/)." };
        var verbose = new Option<bool>("--verbose") { Description = "Show technical detail when something unexpected goes wrong." };
        var command = new Command("convert", "Convert a .docx into the web page, e-mail, plain text and PDF, with manifest.json.");
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.Options.Add(verbose);
        command.SetAction(parse =>
        {
            var configuration = parse.InvocationConfiguration;
            var handler = new ConvertCommandHandler(configuration.Output, configuration.Error);
            return handler.Run(parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(verbose));
        });
        return command;
    }
}
