using System.Text.Json;
using MimeKit;
using PressPipeline.Distribution.Storage;
using PressPipeline.Distribution.Tests.Infrastructure;
using PressPipeline.Distribution.Unsubscribe;

namespace PressPipeline.Distribution.Tests.Outbox;

/// <summary>Without a SendGrid key the messages land in the outbox: what the README demo shows.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private DistributionHost _host = null!;

    public Task InitializeAsync()
    {
        _host = DistributionHost.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Each_recipient_gets_an_eml_with_both_parts_the_unsubscribe_headers_and_working_links()
    {
        await _host.UploadListAsync("press", "email,name\njane.doe@kaztag.example,Jane Doe\nivan@tengri.example,\n");

        var report = await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("iom-2014", "press"), CancellationToken.None);

        Assert.True(report.Complete, string.Join("\n", report.Problems));
        var emls = Directory.GetFiles(Path.Combine(_host.OutboxFolder, "iom-2014"), "*.eml", SearchOption.AllDirectories);
        Assert.Equal(2, emls.Length);
        var messages = emls.Select(path => MimeMessage.Load(path)).ToArray();
        var jane = messages.Single(m => m.To.Mailboxes.Single().Address == "jane.doe@kaztag.example");

        Assert.Single(jane.To);
        Assert.Empty(jane.Cc);
        Assert.Empty(jane.Bcc);
        Assert.Equal("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6): IOM Hosts Round Table on Migrants' Rights in Astana", jane.Subject);
        Assert.Equal("media@iom.example.org", jane.ReplyTo.Mailboxes.Single().Address);
        var alternative = Assert.IsType<MultipartAlternative>(jane.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));

        var unsubscribe = jane.Headers[HeaderId.ListUnsubscribe] ?? "";
        Assert.Matches("^<https://press\\.example\\.org/api/unsubscribe\\?t=[A-Za-z0-9_.-]+>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", jane.Headers["List-Unsubscribe-Post"]);
        var token = unsubscribe[(unsubscribe.IndexOf("t=", StringComparison.Ordinal) + 2)..^1];
        Assert.True(_host.Get<UnsubscribeTokens>().TryRead(token, out var subject));
        Assert.Equal("iom-2014", subject.ReleaseId);

        Assert.Contains("Dear Jane Doe,", jane.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear Jane Doe,", jane.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://press.example.org/releases/iom-2014/?sig=abc\"", jane.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://press.example.org/releases/iom-2014/release.pdf?sig=def\"", jane.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://press.example.org/api/unsubscribe?t={token}\"", jane.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("14 Mambetov Street", jane.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("-pp-", jane.HtmlBody + jane.TextBody, StringComparison.Ordinal);

        var ivan = messages.Single(m => m.To.Mailboxes.Single().Address == "ivan@tengri.example");
        Assert.Contains("Dear colleague,", ivan.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", ivan.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_exact_SendGrid_request_of_each_batch_is_kept_beside_the_messages()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(1_200));

        await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("iom-json", "press"), CancellationToken.None);

        var requests = Directory.GetFiles(Path.Combine(_host.OutboxFolder, "iom-json"), "*.sendgrid.json");
        Assert.Equal(2, requests.Length);
        var sizes = requests.Select(r => JsonDocument.Parse(File.ReadAllBytes(r)).RootElement.GetProperty("personalizations").GetArrayLength()).Order();
        Assert.Equal([200, 1000], sizes);
    }

    [Fact]
    public async Task A_russian_release_greets_in_russian()
    {
        _host.Release.Content = _host.Release.Content with { Language = "ru", Headline = "МОМ провела круглый стол" };
        await _host.UploadListAsync("press", "email,name,language\nivan@tengri.example,Иван,ru\n");

        await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("iom-ru", "press"), CancellationToken.None);

        var eml = MimeMessage.Load(Directory.GetFiles(Path.Combine(_host.OutboxFolder, "iom-ru"), "*.eml", SearchOption.AllDirectories).Single());
        Assert.Contains("Здравствуйте, Иван!", eml.TextBody, StringComparison.Ordinal);
        Assert.Contains("Отписаться: ", eml.TextBody, StringComparison.Ordinal);
        Assert.Contains(">Отписаться</a>", eml.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("ЭМБАРГО до 22 мая 2014 г., 11:30 по времени Астаны (UTC+6): МОМ провела круглый стол", eml.Subject);
    }

    [Fact]
    public async Task A_kazakh_release_greets_and_says_embargo_in_kazakh()
    {
        _host.Release.Content = _host.Release.Content with { Language = "kk-KZ", Headline = "ХКҰ дөңгелек үстел өткізді" };
        await _host.UploadListAsync("press", "email,name,language\naigerim@tengri.example,Әйгерім,kk\nnoname@tengri.example,,kk\n");

        await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("iom-kk", "press"), CancellationToken.None);

        var messages = Directory.GetFiles(Path.Combine(_host.OutboxFolder, "iom-kk"), "*.eml", SearchOption.AllDirectories).Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, eml => Assert.Equal("ЭМБАРГО 2014 жылғы 22 мамыр, 11:30 (Астана уақытымен, UTC+6) дейін: ХКҰ дөңгелек үстел өткізді", eml.Subject));
        Assert.Contains(messages, eml => (eml.TextBody ?? "").StartsWith("Құрметті Әйгерім!", StringComparison.Ordinal));
        Assert.Contains(messages, eml => (eml.TextBody ?? "").StartsWith("Құрметті әріптес!", StringComparison.Ordinal));
        Assert.All(messages, eml => Assert.Contains("Жазылымнан бас тарту: ", eml.TextBody, StringComparison.Ordinal));
    }
}

/// <summary>The Functions app keeps the outbox in a blob container instead of a folder.</summary>
public sealed class BlobOutboxTests
{
    [Fact]
    public async Task Without_a_folder_the_outbox_is_a_blob_container()
    {
        var container = Azurite.UniqueName("outbox");
        await using var host = DistributionHost.Create(settings: new Dictionary<string, string?> { ["Mail:OutboxFolder"] = "", ["Mail:OutboxContainer"] = container });
        await host.UploadListAsync("press", DistributionHost.Journalists(2));

        await host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("iom-blob", "press"), CancellationToken.None);

        var names = new List<string>();
        await foreach (var blob in host.Get<DistributionStorage>().Blobs.GetBlobContainerClient(container).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "iom-blob/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        Assert.Equal(1, names.Count(n => n.EndsWith(".sendgrid.json", StringComparison.Ordinal)));
        Assert.Equal(2, names.Count(n => n.EndsWith(".eml", StringComparison.Ordinal)));
    }
}
