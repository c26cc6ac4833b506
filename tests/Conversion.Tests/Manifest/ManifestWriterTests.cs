using System.Security.Cryptography;
using System.Text;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;
using PressPipeline.Conversion.Results;
using PressPipeline.Conversion.Tests.Rendering;

namespace PressPipeline.Conversion.Tests.Manifest;

public class ManifestWriterTests
{
    private static ConvertedRelease Converted(PressRelease release)
    {
        var files = new List<RenderedFile> { new("image", "images/image1.png", "image/png", TestReleases.TinyPng) };
        var warnings = new List<ConversionWarning>
        {
            new("image.alt-missing", "An image has no alt text.") { Location = new WarningLocation("table", 2, "Опрошенные мигранты") { Row = 3, Cell = 1, File = "image1.png" }, Count = 2 },
        };
        IVariantRenderer[] renderers = [new WebRenderer(), new EmailRenderer(), new TextRenderer()];
        foreach (var renderer in renderers)
        {
            var rendered = renderer.Render(release, RenderContext.Local);
            files.Add(rendered.Value);
            warnings.AddRange(rendered.Warnings);
        }

        return new ConvertedRelease(release, files, warnings);
    }

    private static readonly ManifestSource Source = new("release.docx", 1234, new string('a', 64));

    [Fact]
    public void Every_file_is_listed_with_its_variant_type_size_and_sha256()
    {
        var converted = Converted(TestReleases.Sample());

        var manifest = ManifestWriter.Create(converted, Source);

        Assert.Equal(["images/image1.png", "index.html", "email.html", "release.txt"], manifest.Main.Files.Select(f => f.Path));
        foreach (var (file, entry) in converted.Files.Zip(manifest.Main.Files))
        {
            Assert.Equal(file.Variant, entry.Variant);
            Assert.Equal(file.ContentType, entry.ContentType);
            Assert.Equal(file.Content.Length, entry.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.Content.Span)), entry.Sha256);
        }
    }

    [Fact]
    public void Embargo_is_recorded_as_a_utc_instant_with_its_zone()
    {
        var manifest = ManifestWriter.Create(Converted(TestReleases.Sample()), Source);

        Assert.Equal("embargoed", manifest.Main.Metadata.Release.Kind);
        Assert.Equal(new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero), manifest.Main.Metadata.Release.LiftsAt);
        Assert.Equal("Asia/Almaty", manifest.Main.Metadata.Release.TimeZone);
        Assert.Equal("2014-05-14", manifest.Main.Metadata.Dateline?.Date);
        Assert.Equal("###", manifest.Main.Metadata.EndMark);
        Assert.Equal("International Organization for Migration", manifest.Main.Metadata.Organisation);
    }

    [Fact]
    public void Json_is_indented_keeps_letters_and_round_trips()
    {
        var release = TestReleases.Sample(TestReleases.Metadata(title: "Круглый стол МОМ в Астане", language: "ru-RU"));
        var manifest = ManifestWriter.Create(Converted(release), Source);

        var bytes = ManifestWriter.Serialize(manifest);
        var json = Encoding.UTF8.GetString(bytes);

        Assert.Contains("\"title\": \"Круглый стол МОМ в Астане\"", json, StringComparison.Ordinal);
        Assert.Contains("\n  \"versions\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"assets\": []", json, StringComparison.Ordinal);
        Assert.DoesNotContain("convertedAt", json, StringComparison.Ordinal);
        Assert.Contains("\"near\": \"Опрошенные мигранты\"", json, StringComparison.Ordinal);
        Assert.Contains("\"display\": \"table 2, row 3, cell 1, picture image1.png, near “Опрошенные мигранты”\"", json, StringComparison.Ordinal);
        Assert.Contains("\"count\": 2", json, StringComparison.Ordinal);
        var back = ManifestWriter.Deserialize(bytes);
        Assert.Equal(manifest.Main.Files, back.Main.Files);
        Assert.Equal(manifest.Main.Warnings, back.Main.Warnings);
        Assert.Equal(manifest.Main.Metadata.Release, back.Main.Metadata.Release);
    }

    [Fact]
    public void Release_id_is_the_one_the_pipeline_gives_the_same_bytes()
    {
        var manifest = ManifestWriter.Create(Converted(TestReleases.Sample()), Source);

        Assert.Equal(new string('a', 20), manifest.Id);
        Assert.True(manifest.Main.Main);
        Assert.Equal(string.Empty, manifest.Main.Folder);
        Assert.Empty(manifest.Assets);
    }

    [Fact]
    public void A_release_without_exactly_one_main_version_is_refused()
    {
        var version = ManifestWriter.Version(Converted(TestReleases.Sample()), Source, main: false, "ru", "ru/");

        Assert.Throws<ArgumentException>(() => ManifestWriter.Create("id", [version], []));
        Assert.Throws<ArgumentException>(() => ManifestWriter.Create("id", [version with { Main = true }, version with { Main = true }], []));
    }

    [Fact]
    public void Another_version_keeps_its_files_in_its_own_folder()
    {
        var main = ManifestWriter.Version(Converted(TestReleases.Sample()), Source, main: true);
        var russian = ManifestWriter.Version(Converted(TestReleases.Sample()), Source, main: false, "ru", "ru/");

        var manifest = ManifestWriter.Create("id", [russian, main], []);

        Assert.Same(main, manifest.Main);
        Assert.Same(russian, manifest.VersionIn("RU"));
        Assert.All(russian.Files, f => Assert.StartsWith("ru/", f.Path, StringComparison.Ordinal));
        Assert.Equal(main.Files.Concat(russian.Files), manifest.AllFiles);
    }

    [Fact]
    public void Same_conversion_gives_the_same_manifest_bytes()
    {
        var first = ManifestWriter.Serialize(ManifestWriter.Create(Converted(TestReleases.Sample()), Source));
        var second = ManifestWriter.Serialize(ManifestWriter.Create(Converted(TestReleases.Sample()), Source));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Conversion_time_is_written_only_when_given()
    {
        var at = new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);

        var manifest = ManifestWriter.Create(Converted(TestReleases.Sample()), Source, at);

        Assert.Equal(at, ManifestWriter.Deserialize(ManifestWriter.Serialize(manifest)).ConvertedAt);
    }

    [Fact]
    public void Source_is_described_by_name_size_and_hash_without_moving_the_stream()
    {
        var bytes = Encoding.UTF8.GetBytes("not really a docx");
        using var stream = new MemoryStream(bytes);

        var source = ManifestWriter.Describe("/uploads/Release May.docx", stream);

        Assert.Equal(new ManifestSource("Release May.docx", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), source);
        Assert.Equal(0, stream.Position);
    }
}
