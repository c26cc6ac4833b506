using PressPipeline.Cli;

return await CliApp.Root().Parse(args).InvokeAsync().ConfigureAwait(false);
