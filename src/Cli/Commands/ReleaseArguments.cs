using System.CommandLine;
using PressPipeline.Pipeline.Instructions;

namespace PressPipeline.Cli.Commands;

/// <summary>Arguments and options several verbs share, so they read the same everywhere.</summary>
internal static class ReleaseArguments
{
    public static Argument<string> Id() => new("id") { Description = "Release id (20 hex characters, as upload prints it)." };

    /// <summary>--lists, --tags, --send-at, --publish-at, --zone, --attach-pdf, as upload and schedule take them.</summary>
    internal sealed class PlanOptions
    {
        public Option<string?> Lists { get; } = new("--lists") { Description = "Media lists, comma-separated (see `presspipe lists`)." };

        public Option<string?> Tags { get; } = new("--tags") { Description = "Only contacts with one of these tags, comma-separated." };

        public Option<string?> SendAt { get; } = new("--send-at") { Description = "Local send time in --zone, e.g. 2026-12-01T09:00, or 'now'." };

        public Option<string?> PublishAt { get; } = new("--publish-at") { Description = "Local publish (embargo lift) time, not before the document's embargo, or 'now' to publish at once; default: the document's embargo, else the send time." };

        public Option<string?> Zone { get; } = new("--zone") { Description = "Zone of the times: an IANA id (Asia/Almaty), a place ('Astana time') or a fixed abbreviation (GMT, CET, UTC+5); see docs/time-zones.md." };

        public Option<bool> AttachPdf { get; } = new("--attach-pdf") { Description = "Attach the PDF to the e-mail as well as linking it." };

        public void AddTo(Command command)
        {
            command.Options.Add(Lists);
            command.Options.Add(Tags);
            command.Options.Add(SendAt);
            command.Options.Add(PublishAt);
            command.Options.Add(Zone);
            command.Options.Add(AttachPdf);
        }

        public ReleaseInstructions Read(ParseResult parse) => new(
            ReleaseInstructions.SplitList(parse.GetValue(Lists)),
            ReleaseInstructions.SplitList(parse.GetValue(Tags)),
            parse.GetValue(SendAt),
            parse.GetValue(PublishAt),
            parse.GetValue(Zone),
            parse.GetValue(AttachPdf));
    }
}
