using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Composition;

namespace PressPipeline.Distribution.Tests.Composition;

/// <summary>A correction after sending is marked in the release's own language: subject prefix and the note's label.</summary>
public sealed class CorrectionMailTests
{
    private static readonly DateTimeOffset Sent = new(2014, 5, 23, 5, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "CORRECTED")]
    [InlineData("ru", "ИСПРАВЛЕНО")]
    [InlineData("kk", "ТҮЗЕТІЛДІ")]
    public void The_subject_and_the_note_say_corrected_in_the_releases_language(string language, string corrected)
    {
        const string note = "Дата круглого стола: 22 мая.";
        var mail = new ReleaseMailFactory(Options.Create(new MailOptions { FromAddress = "press@example.org" })).Create(
            new DispatchRequest("r1", ["media"], [], Sent, Sent.AddDays(-1), "Asia/Almaty", null, null, Correction: new CorrectionNotice(2, note)),
            new ReleaseEmailContent("Круглый стол", language, "IOM", null, "<html><body><p>Текст.</p></body></html>", "Текст.\n"),
            null,
            new List<string>());

        Assert.Equal($"{corrected}: Круглый стол", mail.Subject);
        Assert.Contains($"<strong>{corrected}:</strong> {System.Net.WebUtility.HtmlEncode(note)}", mail.Html, StringComparison.Ordinal);
        Assert.StartsWith($"{corrected}: {note}\n\n", mail.Text, StringComparison.Ordinal);
    }
}
