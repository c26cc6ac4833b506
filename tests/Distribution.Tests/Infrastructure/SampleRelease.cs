namespace PressPipeline.Distribution.Tests.Infrastructure;

/// <summary>The content the pipeline would hand over for a release (modelled on the IOM Astana round table).</summary>
public sealed class SampleRelease : IReleaseContentSource
{
    public ReleaseEmailContent Content { get; set; } = new(
        "IOM Hosts Round Table on Migrants' Rights in Astana",
        "en",
        "IOM Central Asia",
        "media@iom.example.org",
        "<!DOCTYPE html><html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\"></head><body><h1>IOM Hosts Round Table on Migrants' Rights in Astana</h1><p>Astana, May 14, 2014 – The International Organization for Migration held a round table.</p></body></html>",
        "IOM Hosts Round Table on Migrants' Rights in Astana\n\nAstana, May 14, 2014 – The International Organization for Migration held a round table.\n");

    public byte[]? Pdf { get; set; }

    public Task<ReleaseEmailContent> LoadAsync(string releaseId, CancellationToken cancellationToken) => Task.FromResult(Content);

    public Task<ReadOnlyMemory<byte>?> LoadPdfAsync(string releaseId, CancellationToken cancellationToken) =>
        Task.FromResult(Pdf is null ? (ReadOnlyMemory<byte>?)null : Pdf);

    /// <summary>A request sent before the embargo lifts, with signed links as the pipeline gives them.</summary>
    public static DispatchRequest Request(string releaseId, params string[] lists) => new(
        releaseId,
        lists,
        [],
        new DateTimeOffset(2014, 5, 21, 4, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero),
        "Asia/Almaty",
        new Uri($"https://press.example.org/releases/{releaseId}/?sig=abc"),
        new Uri($"https://press.example.org/releases/{releaseId}/release.pdf?sig=def"));
}
