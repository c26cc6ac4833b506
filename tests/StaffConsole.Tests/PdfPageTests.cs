using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>The release page shows the PDF's pages as images, one per page of the stored PDF, on Azurite.</summary>
public sealed class PdfPageTests
{
    [Fact]
    public async Task The_release_page_lists_every_PDF_page_without_painting_and_each_route_paints_its_PNG()
    {
        await using var console = await ConsoleClient.StartAsync();
        var preview = console.Services.GetRequiredService<PdfPagePreview>();
        var id = await console.UploadSampleAsync();
        var pdf = await console.GetAsync($"/releases/{id}/preview/pdf");
        Assert.Equal("application/pdf", pdf.Headers.ContentType.ToString());
        using var document = PdfDocument.Open(pdf.Bytes!);
        var pages = document.NumberOfPages;
        Assert.True(pages > 1, $"the sample's PDF has {pages} page(s)");
        var paintedBefore = preview.PagesPainted;

        var page = await console.GetAsync($"/releases/{id}");
        Assert.NotNull(page.Page.QuerySelector($"a[href='/console/releases/{id}/preview/pdf']"));
        var images = page.Page.QuerySelectorAll("#pdf-pages img").ToList();
        Assert.Equal(pages, images.Count);

        // The page answered from the layout alone: nothing was painted for it.
        Assert.Equal(paintedBefore, preview.PagesPainted);
        var layouts = preview.LayoutsMade;
        Assert.True(layouts >= 1);
        for (var n = 1; n <= pages; n++)
        {
            var image = images[n - 1];
            Assert.Equal($"PDF page {n} of {pages}", image.GetAttribute("alt"));
            Assert.Equal("lazy", image.GetAttribute("loading"));
            var src = image.GetAttribute("src")!;
            Assert.Matches($"^/console/releases/{id}/preview/pdf-page/{n}\\?v=1-[0-9a-f]{{12}}$", src);
            var png = await console.GetAsync(src["/console".Length..]);
            Assert.Equal(StatusCodes.Status200OK, png.Status);
            Assert.Equal("image/png", png.Headers.ContentType.ToString());
            Assert.Equal("private, max-age=86400", png.Headers.CacheControl.ToString());
            Assert.Equal($"\"{src[(src.IndexOf("?v=", StringComparison.Ordinal) + 3)..]}\"", png.Headers.ETag.ToString());
            using var bitmap = SKBitmap.Decode(png.Bytes);
            Assert.NotNull(bitmap);
            Assert.Equal(image.GetAttribute("width"), bitmap.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(image.GetAttribute("height"), bitmap.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(893, bitmap.Width); // A4 at 1.5 pixels per point
            var dark = 0;
            for (var y = 0; y < bitmap.Height; y += 2)
            {
                for (var x = 0; x < bitmap.Width; x += 2)
                {
                    dark += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
                }
            }

            Assert.True(dark > 100, $"page {n} has {dark} dark pixels of every fourth: it looks blank");

            // One page painted per request, from the layout the release page made.
            Assert.Equal(paintedBefore + n, preview.PagesPainted);
        }

        Assert.Equal(layouts, preview.LayoutsMade);
    }

    [Fact]
    public async Task A_browser_holding_the_current_image_gets_304_and_nothing_is_painted()
    {
        await using var console = await ConsoleClient.StartAsync();
        var preview = console.Services.GetRequiredService<PdfPagePreview>();
        var id = await console.UploadSampleAsync();
        var first = await console.GetAsync($"/releases/{id}/preview/pdf-page/2");
        Assert.Equal(StatusCodes.Status200OK, first.Status);

        // Without ?v= (or with an old one) the browser must ask again each time.
        Assert.Equal("private, no-cache", first.Headers.CacheControl.ToString());
        var etag = first.Headers.ETag.ToString();
        var painted = preview.PagesPainted;

        console.Headers["If-None-Match"] = etag;
        var again = await console.GetAsync($"/releases/{id}/preview/pdf-page/2");
        Assert.Equal(StatusCodes.Status304NotModified, again.Status);
        Assert.Equal(etag, again.Headers.ETag.ToString());
        Assert.Empty(again.Bytes ?? []);
        Assert.Equal(painted, preview.PagesPainted);

        console.Headers["If-None-Match"] = "\"0-000000000000\"";
        var stale = await console.GetAsync($"/releases/{id}/preview/pdf-page/2");
        Assert.Equal(StatusCodes.Status200OK, stale.Status);
        Assert.Equal(first.Bytes, stale.Bytes);
        Assert.Equal(painted + 1, preview.PagesPainted);
    }

    [Fact]
    public async Task After_staff_set_a_later_embargo_the_page_images_show_the_PDF_made_for_it()
    {
        await using var console = await ConsoleClient.StartAsync();
        await console.Harness.PutListAsync("media", "email,name\naigerim@news.example.kz,Aigerim Sadykova\n");
        var id = await console.UploadSampleAsync();
        var before = (await console.GetAsync($"/releases/{id}/preview/pdf-page/1")).Bytes!;
        var pdfBefore = (await console.GetAsync($"/releases/{id}/preview/pdf")).Bytes!;
        var page = await console.GetAsync($"/releases/{id}");

        var scheduled = await console.PostAsync($"/releases/{id}/schedule", new Dictionary<string, string>
        {
            [ConsoleSecurity.TokenField] = page.Token,
            ["lists"] = "media",
            ["sendAt"] = "2026-12-20T09:00",
            ["publishAt"] = "2026-12-20T09:00",
            ["zone"] = "Asia/Almaty",
        });
        Assert.Equal(StatusCodes.Status303SeeOther, scheduled.Status);

        // The stored PDF was rendered again with the plan's line; the page image follows it, not the cached first drawing.
        Assert.NotEqual(pdfBefore, (await console.GetAsync($"/releases/{id}/preview/pdf")).Bytes!);
        var after = (await console.GetAsync($"/releases/{id}/preview/pdf-page/1")).Bytes!;
        Assert.NotEqual(before, after);
        Assert.Equal(after, (await console.GetAsync($"/releases/{id}/preview/pdf-page/1")).Bytes!);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("999")]
    [InlineData("one")]
    public async Task A_page_the_PDF_does_not_have_is_not_found(string n)
    {
        await using var console = await ConsoleClient.StartAsync();
        var id = await console.UploadSampleAsync();
        var missing = await console.GetAsync($"/releases/{id}/preview/pdf-page/{n}");
        Assert.Equal(StatusCodes.Status404NotFound, missing.Status);
        Assert.StartsWith("text/html", missing.Headers.ContentType.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "Страница PDF 1 из {0}")]
    [InlineData("kk", "PDF: {0} беттің 1-беті")]
    public async Task The_page_images_are_named_in_the_staff_members_language(string language, string alt)
    {
        await using var console = await ConsoleClient.StartAsync();
        console.Headers["Accept-Language"] = language;
        var id = await console.UploadSampleAsync();
        using var pdf = PdfDocument.Open((await console.GetAsync($"/releases/{id}/preview/pdf")).Bytes!);
        var page = await console.GetAsync($"/releases/{id}");
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, alt, pdf.NumberOfPages), page.Page.QuerySelector("#pdf-pages img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task Layouts_past_the_memory_limit_are_disposed_least_recently_used_first_and_their_pages_are_laid_out_again()
    {
        await using var console = await ConsoleClient.StartAsync(settings: new Dictionary<string, string?> { ["Pipeline:PdfPreviewCacheMegabytes"] = "1" });
        var preview = console.Services.GetRequiredService<PdfPagePreview>();
        Assert.Equal(1_048_576, preview.KeptBytesLimit);
        var sample = await console.UploadSampleAsync();
        var russian = await UploadAsync(console, "mom-kruglyi-stol-2014-ru.docx", ConsoleClient.Sample("mom-kruglyi-stol-2014-ru.docx"));
        var report = await UploadAsync(console, "report-60-chapters.docx", ConsoleClient.Sample("report-60-chapters.docx"));
        var made = preview.LayoutsMade;
        var retired = preview.LayoutsRetired;

        // Two short releases fit in a megabyte together.
        Assert.Equal(StatusCodes.Status200OK, (await console.GetAsync($"/releases/{sample}")).Status);
        Assert.Equal(StatusCodes.Status200OK, (await console.GetAsync($"/releases/{russian}")).Status);
        Assert.Equal(made + 2, preview.LayoutsMade);
        Assert.Equal(2, preview.KeptLayouts);
        Assert.InRange(preview.KeptBytes, 1, preview.KeptBytesLimit);
        Assert.Equal(retired, preview.LayoutsRetired);

        // The 34-page report is larger than the limit on its own: the two before it are disposed, it stays alone.
        var reportPage = await console.GetAsync($"/releases/{report}");
        Assert.Equal(34, reportPage.Page.QuerySelectorAll("#pdf-pages img").Count());
        Assert.Equal(made + 3, preview.LayoutsMade);
        Assert.Equal(retired + 2, preview.LayoutsRetired);
        Assert.Equal(1, preview.KeptLayouts);
        Assert.True(preview.KeptBytes > preview.KeptBytesLimit, $"the report's layout is estimated at {preview.KeptBytes} bytes");

        // A page of a disposed layout still comes: its release is laid out again, and the report leaves for it.
        var png = await console.GetAsync($"/releases/{sample}/preview/pdf-page/2");
        Assert.Equal(StatusCodes.Status200OK, png.Status);
        using (var bitmap = SKBitmap.Decode(png.Bytes))
        {
            Assert.Equal(893, bitmap.Width);
        }

        Assert.Equal(made + 4, preview.LayoutsMade);
        Assert.Equal(retired + 3, preview.LayoutsRetired);
        Assert.Equal(1, preview.KeptLayouts);

        // And a page of the report again, from a new layout.
        Assert.Equal(StatusCodes.Status200OK, (await console.GetAsync($"/releases/{report}/preview/pdf-page/34")).Status);
        Assert.Equal(made + 5, preview.LayoutsMade);
    }

    private static async Task<string> UploadAsync(ConsoleClient console, string name, byte[] docx)
    {
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFileAsync("/upload", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token }, "file", name, docx);
        Assert.Equal(StatusCodes.Status303SeeOther, posted.Status);
        return posted.Location!["/console/releases/".Length..].Split('?')[0];
    }
}
