using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

public sealed class SignedLinkTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;
    private string id = "";

    public async Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        id = (await harness.UploadAsync(TestDocx.Build("Signed"))).ReleaseId;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    /// <summary>The grant segment of a link: <c>/api/files/{id}/{exp}.{sig}/…</c>.</summary>
    private static (string Exp, string Sig) Parts(Uri link)
    {
        var grant = link.AbsolutePath.Split('/')[4].Split('.');
        return (grant[0], grant[1]);
    }

    private Task<SignedFileResult> OpenAsync(string file, string exp, string sig) =>
        harness.Get<SignedFileReader>().ReadAsync(id, $"{exp}.{sig}/{file}", default);

    [Fact]
    public async Task Valid_link_opens_the_private_file_before_publication()
    {
        var (exp, sig) = Parts(harness.Get<SignedLinks>().Create(id, "release.pdf", Now.AddDays(1)));

        var found = Assert.IsType<SignedFileResult.Found>(await OpenAsync("release.pdf", exp, sig));

        Assert.Equal("application/pdf", found.ContentType);
        Assert.Equal("pdf: Signed", found.Content.ToString());
    }

    [Fact]
    public async Task An_image_the_manifest_lists_as_html_or_svg_is_never_served()
    {
        // A manifest written before pictures were sniffed could list an HTML page as an image.
        var store = harness.Get<PressPipeline.Pipeline.Storage.ReleaseBlobStore>();
        var manifest = (await store.RequireManifestAsync(id, default)) is var m
            ? m with { Versions = [m.Main with { Files = [.. m.Main.Files, new("images/image1.html", "image", "text/html", 10, ""), new("images/image2.svg", "image", "image/svg+xml", 10, "")] }] }
            : null!;
        await store.SaveManifestAsync(manifest, default);
        await store.SaveFileAsync(id, "images/image1.html", "text/html", "<script>alert(1)</script>"u8.ToArray(), default);
        await store.SaveFileAsync(id, "images/image2.svg", "image/svg+xml", "<svg><script>alert(1)</script></svg>"u8.ToArray(), default);

        foreach (var file in new[] { "images/image1.html", "images/image2.svg" })
        {
            var (exp, sig) = Parts(harness.Get<SignedLinks>().Create(id, file, Now.AddDays(1)));
            Assert.IsType<SignedFileResult.Refused>(await OpenAsync(file, exp, sig));
        }
    }

    [Fact]
    public async Task Expired_link_is_refused_with_a_sentence()
    {
        var (exp, sig) = Parts(harness.Get<SignedLinks>().Create(id, "release.pdf", Now.AddDays(1)));
        harness.Time.Advance(TimeSpan.FromDays(1));

        var refused = Assert.IsType<SignedFileResult.Refused>(await OpenAsync("release.pdf", exp, sig));

        Assert.Equal(LinkCheck.Expired, refused.Check);
        Assert.StartsWith("This preview link has expired", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_with_a_stretched_expiry_is_refused_as_forged()
    {
        var (exp, sig) = Parts(harness.Get<SignedLinks>().Create(id, "release.pdf", Now.AddDays(1)));

        var refused = Assert.IsType<SignedFileResult.Refused>(await OpenAsync("release.pdf", (long.Parse(exp, System.Globalization.CultureInfo.InvariantCulture) + 86400).ToString(System.Globalization.CultureInfo.InvariantCulture), sig));

        Assert.Equal(LinkCheck.Forged, refused.Check);
    }

    [Fact]
    public async Task Link_to_one_file_opens_the_release_s_other_files_so_the_web_page_shows_its_images()
    {
        var link = harness.Get<SignedLinks>().Create(id, "index.html", Now.AddDays(1));
        var image = new Uri(link, "images/image1.png");

        var (exp, sig) = Parts(image);

        Assert.Equal(Parts(link), (exp, sig));
        Assert.IsType<SignedFileResult.Found>(await OpenAsync("release.pdf", exp, sig));
    }

    [Fact]
    public async Task Link_signed_for_one_release_does_not_open_another()
    {
        var (exp, sig) = Parts(harness.Get<SignedLinks>().Create("0123456789abcdef0123", "release.pdf", Now.AddDays(1)));

        var refused = Assert.IsType<SignedFileResult.Refused>(await OpenAsync("release.pdf", exp, sig));

        Assert.Equal(LinkCheck.Forged, refused.Check);
    }

    [Fact]
    public async Task Link_signed_with_another_secret_is_refused()
    {
        var foreign = new SignedLinks(
            Microsoft.Extensions.Options.Options.Create(new LinkOptions { SigningSecret = "another-secret-that-is-long-enough-0123456789" }),
            harness.Time);
        var (exp, sig) = Parts(foreign.Create(id, "release.pdf", Now.AddDays(1)));

        Assert.IsType<SignedFileResult.Refused>(await OpenAsync("release.pdf", exp, sig));
    }

    [Fact]
    public async Task Validly_signed_link_still_never_serves_status_or_the_original()
    {
        var links = harness.Get<SignedLinks>();
        foreach (var file in new[] { "status.json", "original.docx", "manifest.json" })
        {
            var (exp, sig) = Parts(links.Create(id, file, Now.AddDays(1)));
            Assert.IsType<SignedFileResult.Refused>(await OpenAsync(file, exp, sig));
        }
    }

    [Fact]
    public void Missing_signing_secret_is_reported_as_configuration_to_fix()
    {
        var unconfigured = new SignedLinks(Microsoft.Extensions.Options.Options.Create(new LinkOptions()), harness.Time);

        var problem = Assert.Throws<InvalidOperationException>(() => unconfigured.Create(id, "release.pdf", Now));

        Assert.StartsWith("Links:SigningSecret must be set", problem.Message, StringComparison.Ordinal);
    }
}

public sealed class EmbargoedEmailImageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        // The real converter: the point is what the e-mail variant says about its images.
        harness = PipelineHarness.Start(Now, PressPipeline.Conversion.ReleaseConverter.CreateDefault());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Images_in_the_email_work_for_recipients_before_the_embargo_lifts()
    {
        var sample = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "samples", "iom-roundtable-2014.docx"));
        var id = (await harness.UploadAsync(sample)).ReleaseId;

        var email = (await harness.Get<PressPipeline.Pipeline.Storage.ReleaseBlobStore>().ReadAsync(id, "email.html", default))!.ToString();
        var source = System.Text.RegularExpressions.Regex.Match(email, "<img[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        var path = new Uri(source).AbsolutePath;

        Assert.StartsWith($"/api/files/{id}/", path, StringComparison.Ordinal);
        var found = Assert.IsType<SignedFileResult.Found>(
            await harness.Get<SignedFileReader>().ReadAsync(id, Uri.UnescapeDataString(path[$"/api/files/{id}/".Length..]), default));
        Assert.Equal("image/png", found.ContentType);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PressPipeline.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (PressPipeline.sln) was not found above the test output.");
    }
}
