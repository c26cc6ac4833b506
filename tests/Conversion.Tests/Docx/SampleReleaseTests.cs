using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>The committed samples are read with every part of a release where it belongs.</summary>
public sealed class SampleReleaseTests
{
    private static Result<PressRelease> ReadSample(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "samples", name)))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        using var stream = File.OpenRead(Path.Combine(directory.FullName, "samples", name));
        return new WordReader(ConversionLimits.Default).Read(stream);
    }

    [Fact]
    public void English_sample_has_every_part_of_a_release()
    {
        var result = ReadSample("iom-roundtable-2014.docx");
        var release = result.Value;
        var metadata = release.Metadata;
        Assert.Empty(result.Warnings);
        Assert.StartsWith("IOM Roundtable", metadata.Title, StringComparison.Ordinal);
        Assert.NotNull(metadata.Subtitle);
        Assert.Equal("en-GB", metadata.Language);
        var embargo = Assert.IsType<ReleaseInstruction.Embargoed>(metadata.Release);
        Assert.Equal(("Asia/Almaty", new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero)), (embargo.TimeZoneId, embargo.LiftsAt));
        Assert.Equal(("Astana", new DateOnly(2014, 5, 14)), (metadata.Dateline?.Place, metadata.Dateline?.Date));
        Assert.Equal("###", metadata.EndMark);
        Assert.Equal("IOM", metadata.Organisation);
        Assert.NotNull(metadata.About);
        Assert.Contains(ModelText.AllInlines(metadata.MediaContacts!.Blocks).OfType<Hyperlink>(), l => l.Target.Scheme == "mailto");

        Assert.StartsWith("Astana, May 14, 2014", ModelText.Of(release.Body[0]), StringComparison.Ordinal);
        var lists = release.Body.OfType<ListBlock>().ToList();
        Assert.Contains(lists, l => l.Style == ListStyle.Bullet && l.Items[0].Blocks.OfType<ListBlock>().Any());
        Assert.Contains(lists, l => l.Style == ListStyle.Decimal);
        Assert.Equal(1, Assert.Single(release.Body.OfType<Table>()).HeaderRowCount);
        Assert.Single(release.Body.OfType<BlockQuote>());
        var image = Assert.Single(ModelText.AllInlines(release.Body).OfType<Image>());
        Assert.False(string.IsNullOrEmpty(image.AltText));
        Assert.Equal((480, 240), (release.Images[0].PixelWidth, release.Images[0].PixelHeight));
        Assert.Contains(ModelText.AllInlines(release.Body).OfType<Hyperlink>(), l => l.Target.Host == "www.iom.int");
        Assert.Single(release.Notes);
        Assert.DoesNotContain(release.Body, b => ModelText.Of(b) == "###");
    }

    [Fact]
    public void Russian_sample_is_understood_in_russian()
    {
        var metadata = ReadSample("mom-kruglyi-stol-2014-ru.docx").Value.Metadata;
        Assert.Equal("ru-RU", metadata.Language);
        Assert.IsType<ReleaseInstruction.Embargoed>(metadata.Release);
        Assert.Equal("Астана", metadata.Dateline?.Place);
        Assert.Equal("МОМ", metadata.Organisation);
        Assert.Equal("Контакты для СМИ", metadata.MediaContacts?.Heading);
    }
}
