using System.Text.Json;
using PressPipeline.Conversion;
using PressPipeline.Distribution.Sending;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests.Delivery;

/// <summary>
/// A test send of a release in English, Russian and Kazakh, through the real converter, the real SendGrid client and a
/// local SendGrid endpoint on Azurite: one TEST message per language version (each as that language's journalists
/// get it), or only the version staff pick; never in the ledger.
/// </summary>
public sealed class MultilingualTestSendTests : IAsyncLifetime
{
    private const string English = "Round table on labour migration in Central Asia";
    private const string Russian = "Круглый стол по трудовой миграции в Центральной Азии";
    private const string Kazakh = "Орталық Азиядағы еңбек көші-қоны жөніндегі дөңгелек үстел";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly Actor Anna = new("anna@iom.example.org", Door.Api);
    private OperationsHarness harness = null!;

    private ReleaseOperations Releases => harness.Get<ReleaseOperations>();

    public async Task InitializeAsync() => harness = await OperationsHarness.StartAsync(Now, ReleaseConverter.CreateDefault());

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> UploadAsync()
    {
        using var docx = new MemoryStream(TestDocx.Build(English, "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – The round table met today to discuss labour migration."));
        var result = await Releases.UploadAsync(
            docx,
            "release.docx",
            ReleaseInstructions.None,
            Anna,
            default,
            [
                new VersionUpload("release-ru.docx", new MemoryStream(TestDocx.Build(Russian, "Для немедленного распространения", "Астана, 14 мая 2014 г. — Круглый стол обсудил трудовую миграцию в регионе."))),
                new VersionUpload("release-kk.docx", new MemoryStream(TestDocx.Build(Kazakh, null, "Астана, 2014 жылғы 14 мамыр — Дөңгелек үстел өңірдегі еңбек көші-қонын талқылады."))),
            ]);
        Assert.Equal(["en", "ru", "kk"], result.Status.Languages);
        return result.ReleaseId;
    }

    [Fact]
    public async Task A_test_send_delivers_one_TEST_message_per_language_version_each_in_its_language()
    {
        var id = await UploadAsync();

        var result = await Releases.TestSendAsync(id, ["me@iom.example.org", "chief@iom.example.org"], Anna, default);

        Assert.True(result.Sent);
        Assert.Empty(result.Problems);
        Assert.Equal(["en", "ru", "kk"], result.Languages);
        var messages = harness.Endpoint.Requests.Select(r => (Request: r, Json: JsonDocument.Parse(r.Body).RootElement)).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Equal([$"[TEST] {English}", $"[TEST] {Russian}", $"[TEST] {Kazakh}"], messages.Select(m => m.Json.GetProperty("subject").GetString()));
        Assert.All(messages, m =>
        {
            Assert.Equal(["chief@iom.example.org", "me@iom.example.org"], m.Request.Recipients.Order(StringComparer.Ordinal));
            Assert.Equal($"test-{id}", m.Json.GetProperty("custom_args").GetProperty("release_id").GetString());
        });
        Assert.Equal(3, messages.Select(m => m.Request.BatchId).Distinct().Count());

        // Each is the version that language's journalists get: its own text, greeting and lead-in to the others.
        var russianText = Text(messages[1].Json);
        Assert.Contains("Круглый стол обсудил трудовую миграцию", russianText, StringComparison.Ordinal);
        Assert.Contains("Читать на языке:", russianText, StringComparison.Ordinal);
        Assert.Contains("Оқу тілі:", Text(messages[2].Json), StringComparison.Ordinal);
        Assert.Contains("Read in:", Text(messages[0].Json), StringComparison.Ordinal);

        Assert.Empty(await harness.Get<IBatchLedger>().ListAsync(id, default));
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal("Test e-mail of version 1 (en, ru, kk) sent to 2 address(es).", status.History[^1].Message);
    }

    [Fact]
    public async Task Staff_can_pick_one_version_and_a_language_the_release_lacks_is_refused_with_a_sentence()
    {
        var id = await UploadAsync();

        var result = await Releases.TestSendAsync(id, ["me@iom.example.org"], Anna, default, "kk-KZ");

        Assert.True(result.Sent);
        Assert.Equal(["kk"], result.Languages);
        var message = JsonDocument.Parse(Assert.Single(harness.Endpoint.Requests).Body).RootElement;
        Assert.Equal($"[TEST] {Kazakh}", message.GetProperty("subject").GetString());

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Releases.TestSendAsync(id, ["me@iom.example.org"], Anna, default, "de"));
        Assert.Equal("The test e-mail was not sent: the release has no version in 'de'; pick one of en, ru, kk, or none for every version.", problem.Message);
        Assert.Single(harness.Endpoint.Requests);
    }

    private static string Text(JsonElement message) =>
        message.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!;
}
