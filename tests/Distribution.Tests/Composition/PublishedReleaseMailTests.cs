using System.Text;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Distribution.Composition;

namespace PressPipeline.Distribution.Tests.Composition;

/// <summary>The e-mail of a release that is public when it goes out carries no EMBARGOED line, in any part.</summary>
public sealed class PublishedReleaseMailTests
{
    private static readonly DateTimeOffset Lift = new(2014, 5, 22, 5, 30, 0, TimeSpan.Zero);

    private static ReleaseEmailContent RenderedEmbargoedRelease()
    {
        var metadata = new ReleaseMetadata(
            "Round table in Astana",
            null,
            "en",
            TextDirection.LeftToRight,
            new ReleaseInstruction.Embargoed("EMBARGOED UNTIL 22 May 2014, 11:30 Astana time", Lift, "Asia/Almaty"),
            null,
            "IOM",
            null,
            null,
            null,
            null,
            new DocumentProperties(null, null, [], null, null));
        var release = new PressRelease(metadata, [new Paragraph([new Text("The round table met.")])], [], []);
        var html = Encoding.UTF8.GetString(new EmailRenderer().Render(release, RenderContext.Local).Value.Content.Span);
        var text = Encoding.UTF8.GetString(new TextRenderer().Render(release, RenderContext.Local).Value.Content.Span);
        return new ReleaseEmailContent("Round table in Astana", "en", "IOM", null, html, text);
    }

    private static ReleaseMail Compose(DateTimeOffset sendAt, DateTimeOffset publishAt) =>
        new ReleaseMailFactory(Options.Create(new MailOptions { FromAddress = "press@example.org" })).Create(
            new DispatchRequest("r1", ["media"], [], sendAt, publishAt, "Asia/Almaty", null, null),
            RenderedEmbargoedRelease(),
            null,
            new List<string>());

    [Fact]
    public void Published_now_the_subject_body_and_text_say_nothing_of_an_embargo()
    {
        var now = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

        var mail = Compose(now, now);

        Assert.Equal("Round table in Astana", mail.Subject);
        Assert.DoesNotContain("EMBARGO", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("EMBARGO", mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Not for publication", mail.Text, StringComparison.Ordinal);
        Assert.Contains("The round table met.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("The round table met.", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sent_before_the_lift_every_part_keeps_the_embargo_line()
    {
        var mail = Compose(Lift.AddDays(-1), Lift);

        Assert.StartsWith("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6): ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("<td class=\"embargo\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)\nNot for publication before this time.", mail.Text, StringComparison.Ordinal);
    }
}
