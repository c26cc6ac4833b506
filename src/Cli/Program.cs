using System.CommandLine;

var root = new RootCommand("presspipe: turn Word press releases into web, e-mail, text and PDF, and send them.");
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
