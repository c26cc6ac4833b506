using System.Text.Json;
using PressPipeline.Conversion.Results;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Tests;

/// <summary>status.json carries each warning with where it is; status files written before that still read.</summary>
public sealed class StatusWarningJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_warning_is_written_with_its_location_count_and_display_and_reads_back()
    {
        var warning = new StatusWarning("link.relative-dropped", "The link to \"notes/agenda.docx\" points to a file, not a web address, so only its text was kept.")
        {
            Location = new WarningLocation("table", 1, "Recruitment, see the speaker’s notes") { Row = 3, Cell = 2 },
            Count = 2,
        };
        var status = ReleaseStatus.Received("0123456789abcdef0123", "a.docx", Now) with { Warnings = [warning] };

        var json = JsonSerializer.Serialize(status, PipelineJson.Options);
        var back = JsonSerializer.Deserialize<ReleaseStatus>(json, PipelineJson.Options)!;

        Assert.Contains("\"location\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"near\": \"Recruitment, see the speaker’s notes\"", json, StringComparison.Ordinal);
        Assert.Contains("\"display\": \"table 1, row 3, cell 2, near “Recruitment, see the speaker’s notes”\"", json, StringComparison.Ordinal);
        Assert.Equal([warning], back.Warnings);
        Assert.Equal(
            "The link to \"notes/agenda.docx\" points to a file, not a web address, so only its text was kept. — table 1, row 3, cell 2, near “Recruitment, see the speaker’s notes” (2 times)",
            back.Warnings[0].ToString());
    }

    [Fact]
    public void A_page_header_and_the_whole_document_are_places_that_read_back()
    {
        var header = new StatusWarning("header.dropped", "Text in the page header is left out of every version.")
        {
            Location = WarningLocation.PageHeaderOrFooter(footer: false, "IOM Mission in Kazakhstan, 14 Mamyr…"),
        };
        var size = new StatusWarning("email.too-large", "The e-mail version is 180 KB.") { Location = WarningLocation.Document };
        var status = ReleaseStatus.Received("0123456789abcdef0123", "a.docx", Now) with { Warnings = [header, size] };

        var json = JsonSerializer.Serialize(status, PipelineJson.Options);
        var back = JsonSerializer.Deserialize<ReleaseStatus>(json, PipelineJson.Options)!;

        Assert.Contains("\"display\": \"page header, near “IOM Mission in Kazakhstan, 14 Mamyr…”\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"document\"", json, StringComparison.Ordinal);
        Assert.Equal([header, size], back.Warnings);
        Assert.Equal("The e-mail version is 180 KB. — the whole document", back.Warnings[1].ToString());
    }

    [Fact]
    public void A_status_written_when_warnings_were_sentences_still_reads()
    {
        var json = """
            {
              "id": "0123456789abcdef0123",
              "state": "Converted",
              "sourceName": "old.docx",
              "receivedAt": "2026-11-30T06:00:00+00:00",
              "history": [],
              "warnings": [ "A picture has no alt text.", "ru: A chart was left out." ]
            }
            """;

        var status = JsonSerializer.Deserialize<ReleaseStatus>(json, PipelineJson.Options)!;

        Assert.Equal(["A picture has no alt text.", "ru: A chart was left out."], status.Warnings.Select(w => w.ToString()));
        Assert.All(status.Warnings, w => Assert.Null(w.Location));
    }
}
