using System.Text.Json;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Web;
using static PressPipeline.Conversion.Tests.Rendering.TestReleases;

namespace PressPipeline.Conversion.Tests.Rendering;

public class WebRendererTests
{
    private static readonly WebRenderer Renderer = new();

    [Fact]
    public void Page_declares_the_release_language_and_direction()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", document.DocumentElement.GetAttribute("dir"));
        Assert.NotNull(document.QuerySelector("meta[name=viewport]"));
    }

    [Fact]
    public void Headline_is_the_only_h1_and_body_headings_come_below_it_in_order()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        var h1 = Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Equal("IOM Roundtable on Migration and Development in the Customs Union", h1.TextContent);
        Assert.Equal("Key issues", document.QuerySelector("h2#key-issues")?.TextContent);
        Assert.Equal("Agenda", document.QuerySelector("h3")?.TextContent);
        Assert.Equal("2014 Astana Economic Forum", document.QuerySelector(".subtitle")?.TextContent);
    }

    [Fact]
    public void Skip_link_leads_to_the_main_content()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        var skip = document.QuerySelector("a.skip-link");
        Assert.Equal("#release", skip?.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("main#release"));
    }

    [Fact]
    public void Nested_lists_keep_nesting_start_numbers_and_letter_style()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        var bullets = document.QuerySelector("article ul")!;
        Assert.Equal(2, bullets.Children.Count(c => c.LocalName == "li"));
        var nested = bullets.QuerySelector("li > ol")!;
        Assert.Equal("a", nested.GetAttribute("type"));
        Assert.Contains("lower-alpha", nested.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal(["financial literacy", "transfer costs"], nested.Children.Select(li => li.TextContent));
        Assert.Equal("3", document.QuerySelector("ol[start]")?.GetAttribute("start"));
    }

    [Fact]
    public void Custom_numbering_shows_the_labels_word_gave()
    {
        var release = WithBody(new ListBlock(ListStyle.Custom, 1, [new ListItem([P(T("Первый пункт"))], "первый)"), new ListItem([P(T("Второй пункт"))], "второй)")]));

        var document = RenderedHtml.Parse(Renderer, release);

        var labels = document.QuerySelectorAll("ol.list-custom .list-label").Select(l => l.TextContent);
        Assert.Equal(["первый)", "второй)"], labels);
    }

    [Fact]
    public void Table_header_cells_have_column_scope_and_spans_survive()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        var table = document.QuerySelector("table")!;
        Assert.Equal(["Time", "Session"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
        Assert.Equal("2", table.QuerySelector("td[rowspan]")?.GetAttribute("rowspan"));
        Assert.Equal("Closing", table.QuerySelector("td[colspan='2']")?.TextContent.Trim());
        Assert.Equal(4, table.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void Image_has_alt_text_size_and_a_path_beside_the_page()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        var image = document.QuerySelector("article img")!;
        Assert.Equal("images/image1.png", image.GetAttribute("src"));
        Assert.Equal("Participants of the 2013 roundtable in Astana", image.GetAttribute("alt"));
        Assert.Equal("200", image.GetAttribute("width"));
        Assert.Equal("133", image.GetAttribute("height"));
    }

    [Fact]
    public void Footnote_reference_links_to_the_note_and_the_note_links_back()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        var reference = document.QuerySelector("sup a[href='#footnote-1']")!;
        Assert.Equal("[1]", reference.TextContent);
        var note = document.GetElementById("footnote-1")!;
        Assert.StartsWith("The forum takes place every May.", note.TextContent, StringComparison.Ordinal);
        Assert.Equal("#" + reference.Id, note.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Character_formatting_becomes_semantic_elements()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        Assert.Equal("International Organization for Migration", document.QuerySelector("article p strong")?.TextContent);
        Assert.Equal("2", document.QuerySelector("sub")?.TextContent);
        Assert.Equal("old", document.QuerySelector("s")?.TextContent);
        Assert.Equal("underlined", document.QuerySelector("u")?.TextContent);
        Assert.Equal("Small Caps", document.QuerySelector(".small-caps")?.TextContent);
        Assert.Equal("#key-issues", document.QuerySelector("a[href^='#key']")?.GetAttribute("href"));
    }

    [Fact]
    public void Embargo_banner_gives_the_time_in_its_zone_with_the_offset_of_that_day()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        // Almaty/Astana was UTC+6 in 2014 (the tz database knows; Kazakhstan moved to UTC+5 in March 2024).
        Assert.Equal("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)", document.QuerySelector(".embargo p")?.TextContent);
    }

    [Fact]
    public void Embargo_in_moscow_time_is_shown_with_moscow_offset()
    {
        var metadata = Metadata(release: new ReleaseInstruction.Embargoed("Эмбарго до 3 марта 2025 10:00 МСК", new DateTimeOffset(2025, 3, 3, 7, 0, 0, TimeSpan.Zero), "Europe/Moscow"), language: "ru-RU");

        var document = RenderedHtml.Parse(Renderer, Sample(metadata));

        Assert.Equal("ЭМБАРГО до 3 марта 2025 г., 10:00 по времени Москвы (UTC+3)", document.QuerySelector(".embargo p")?.TextContent);
    }

    [Fact]
    public void Immediate_release_shows_the_release_line_as_written_and_no_banner()
    {
        var document = RenderedHtml.Parse(Renderer, WithBody(P(T("Text."))));

        Assert.Null(document.QuerySelector(".embargo"));
        Assert.Equal("FOR IMMEDIATE RELEASE", document.QuerySelector(".release-line")?.TextContent);
    }

    [Fact]
    public void Boilerplate_contacts_end_mark_and_pdf_link_follow_the_body()
    {
        var document = RenderedHtml.Parse(Renderer, Sample(), new RenderContext(PdfUrl: new Uri("https://example.org/r/42/release.pdf")));

        Assert.Equal("###", document.QuerySelector(".end-mark")?.TextContent);
        Assert.Equal("About IOM", document.QuerySelector("section#about h2, section[aria-labelledby=about] h2")?.TextContent);
        Assert.Equal("mailto:press@example.org", document.QuerySelector("a[href^=mailto]")?.GetAttribute("href"));
        Assert.Equal("https://example.org/r/42/release.pdf", document.QuerySelector(".downloads a")?.GetAttribute("href"));
    }

    [Fact]
    public void Pdf_link_is_relative_when_its_address_is_unknown()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        Assert.Equal("release.pdf", document.QuerySelector(".downloads a")?.GetAttribute("href"));
    }

    [Fact]
    public void Social_meta_and_canonical_url_appear_when_the_page_address_is_known()
    {
        var context = new RenderContext(WebPageUrl: new Uri("https://press.example.org/releases/42/"));

        var document = RenderedHtml.Parse(Renderer, Sample(), context);

        Assert.Equal("https://press.example.org/releases/42/", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("https://press.example.org/releases/42/", document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Equal("https://press.example.org/releases/42/images/image1.png", document.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.Equal("summary_large_image", document.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        Assert.Equal(Sample().Metadata.Title, document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
    }

    [Fact]
    public void Json_ld_describes_a_news_article()
    {
        var document = RenderedHtml.Parse(Renderer, Sample());

        var script = Assert.Single(document.QuerySelectorAll("script"));
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal("NewsArticle", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal(Sample().Metadata.Title, json.RootElement.GetProperty("headline").GetString());
        Assert.Equal("2014-05-22T05:30:00Z", json.RootElement.GetProperty("datePublished").GetString());
        Assert.Equal("International Organization for Migration", json.RootElement.GetProperty("publisher").GetProperty("name").GetString());
    }

    [Fact]
    public void Cyrillic_and_kazakh_text_stays_as_letters()
    {
        var release = WithBody(P(T("Қазақстан — Круглый стол МОМ «Миграция и развитие»")));

        var html = RenderedHtml.Text(Renderer, release);

        Assert.Contains("Қазақстан — Круглый стол МОМ «Миграция и развитие»", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x41A;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraph_in_another_direction_carries_its_own_dir()
    {
        var release = WithBody(P(T("English")), new Paragraph([T("שלום")], Direction: TextDirection.RightToLeft), new Paragraph([T("Centred")], Alignment.Center));

        var document = RenderedHtml.Parse(Renderer, release);

        Assert.Equal("rtl", document.QuerySelector("p[dir]")?.GetAttribute("dir"));
        Assert.Equal("שלום", document.QuerySelector("p[dir]")?.TextContent);
        Assert.Equal("Centred", document.QuerySelector("p.align-center")?.TextContent);
    }

    [Fact]
    public void Right_to_left_release_sets_dir_on_the_page()
    {
        var release = Sample(Metadata(language: "he-IL", direction: TextDirection.RightToLeft));

        var document = RenderedHtml.Parse(Renderer, release);

        Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("he-IL", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Document_without_a_headline_gets_a_page_title_and_its_own_headings_start_at_h1()
    {
        var release = new PressRelease(Metadata(title: ""), [new Heading(1, [T("Contract")]), P(T("Text."))], [], []);

        var document = RenderedHtml.Parse(Renderer, release);

        Assert.Equal("Press release", document.Title);
        Assert.Equal("Contract", Assert.Single(document.QuerySelectorAll("h1")).TextContent);
    }
}
