using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Composition;

namespace PressPipeline.Distribution.Tests.Composition;

/// <summary>Files that go with a release are linked from the HTML and text parts with type and size, never attached.</summary>
public sealed class DownloadLinksTests
{
    private static readonly DateTimeOffset Lift = new(2014, 5, 22, 5, 30, 0, TimeSpan.Zero);

    private static readonly DownloadLink[] Downloads =
    [
        new("bibliography.pdf", new Uri("https://press.example.org/api/files/r1/0.sig/assets/bibliography.pdf"), "PDF", 1_258_291),
        new("Фото-круглого-стола.jpg", new Uri("https://press.example.org/api/files/r1/0.sig/assets/%D0%A4%D0%BE%D1%82%D0%BE.jpg"), "JPG", 3_565_158),
    ];

    private static ReleaseMail Compose(string language) =>
        new ReleaseMailFactory(Options.Create(new MailOptions { FromAddress = "press@example.org" })).Create(
            new DispatchRequest("r1", ["media"], [], Lift.AddDays(-1), Lift, "Asia/Almaty", null, null, AttachPdf: false, Downloads),
            new ReleaseEmailContent("Round table", language, "IOM", null, "<html><body><p>The round table met.</p></body></html>", "The round table met.\n"),
            null,
            new List<string>());

    [Theory]
    [InlineData("en", "Downloads", "(PDF, 1.2 MB)", "(JPG, 3.4 MB)")]
    [InlineData("ru", "Файлы для скачивания", "(PDF, 1,2 МБ)", "(JPG, 3,4 МБ)")]
    [InlineData("kk", "Жүктеп алуға арналған файлдар", "(PDF, 1,2 МБ)", "(JPG, 3,4 МБ)")]
    public void Each_file_is_a_link_with_its_type_and_size_in_the_releases_language(string language, string heading, string pdf, string photo)
    {
        var mail = Compose(language);

        Assert.Null(mail.Pdf);
        Assert.Contains($"<strong>{heading}</strong>", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Downloads[0].Url.AbsoluteUri}\">bibliography.pdf</a> {pdf}</li>", mail.Html, StringComparison.Ordinal);
        Assert.Contains($">Фото-круглого-стола.jpg</a> {photo}</li>", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"{heading}:\n- bibliography.pdf {pdf}: {Downloads[0].Url.AbsoluteUri}\n- Фото-круглого-стола.jpg {photo}: {Downloads[1].Url.AbsoluteUri}\n", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_variant_that_lists_the_files_itself_has_them_once_in_the_text_part_and_the_html_still_lists_them()
    {
        // release.txt rendered after the files were added ends with the same list, with the same links.
        var listed = $"The round table met.\n\n\nDownloads:\n- bibliography.pdf (PDF, 1.2 MB): {Downloads[0].Url.AbsoluteUri}\n";
        var mail = new ReleaseMailFactory(Options.Create(new MailOptions { FromAddress = "press@example.org" })).Create(
            new DispatchRequest("r1", ["media"], [], Lift.AddDays(-1), Lift, "Asia/Almaty", null, null, AttachPdf: false, Downloads),
            new ReleaseEmailContent("Round table", "en", "IOM", null, "<html><body><p>The round table met.</p></body></html>", listed),
            null,
            new List<string>());

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mail.Text, System.Text.RegularExpressions.Regex.Escape(Downloads[0].Url.AbsoluteUri)));
        Assert.Contains($"- Фото-круглого-стола.jpg (JPG, 3.4 MB): {Downloads[1].Url.AbsoluteUri}\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains($">bibliography.pdf</a> (PDF, 1.2 MB)</li>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_files_there_is_no_downloads_block()
    {
        var mail = new ReleaseMailFactory(Options.Create(new MailOptions { FromAddress = "press@example.org" })).Create(
            new DispatchRequest("r1", ["media"], [], Lift.AddDays(-1), Lift, "Asia/Almaty", null, null),
            new ReleaseEmailContent("Round table", "en", "IOM", null, "<html><body></body></html>", "Text\n"),
            null,
            new List<string>());

        Assert.DoesNotContain("Downloads", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Downloads", mail.Text, StringComparison.Ordinal);
    }
}
