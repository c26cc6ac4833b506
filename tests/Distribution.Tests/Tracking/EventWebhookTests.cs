using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Distribution.Tests.Infrastructure;
using PressPipeline.Distribution.Tracking;

namespace PressPipeline.Distribution.Tests.Tracking;

/// <summary>The SendGrid Event Webhook with a P-256 key pair made here, exported the way SendGrid shows its key.</summary>
public sealed class EventWebhookTests : IAsyncLifetime
{
    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private DistributionHost _host = null!;

    public Task InitializeAsync()
    {
        var publicKey = Convert.ToBase64String(_sendGridKey.ExportSubjectPublicKeyInfo());
        _host = DistributionHost.Create(
            replace: services => services.AddSingleton<TimeProvider>(_clock),
            settings: new Dictionary<string, string?> { ["SendGrid:WebhookPublicKey"] = publicKey });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _sendGridKey.Dispose();
    }

    private (byte[] Body, string Signature, string Timestamp) Signed(string json, ECDsa? key = null, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? _clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(json);
        var signature = (key ?? _sendGridKey).SignData(Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (body, Convert.ToBase64String(signature), timestamp);
    }

    private Task<WebhookResult> Receive((byte[] Body, string Signature, string Timestamp) delivery) =>
        _host.Get<EventWebhookReceiver>().ReceiveAsync(delivery.Body, delivery.Signature, delivery.Timestamp, CancellationToken.None);

    // Table storage keeps times to the tick, Azurite to the millisecond: compare on a whole second.
    private DateTimeOffset WholeSecond()
    {
        _clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (_clock.GetUtcNow().Ticks % TimeSpan.TicksPerSecond)));
        return _clock.GetUtcNow();
    }

    private string Id(string email) => _host.Get<ContactIdentity>().IdOf(email);

    private string Event(string id, string kind, string email, string? type = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["sg_event_id"] = id,
        ["event"] = kind,
        ["email"] = email,
        ["timestamp"] = _clock.GetUtcNow().ToUnixTimeSeconds(),
        ["type"] = type,
        ["release_id"] = "iom-2014",
        ["batch_id"] = "b-1",
        ["contact_id"] = Id(email),
    });

    [Fact]
    public async Task Signed_events_update_the_release_counts_and_bounces_spam_and_unsubscribes_are_suppressed()
    {
        await _host.UploadListAsync("press", "email\na@x.example\nb@x.example\nc@x.example\nd@x.example\n");
        await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("iom-2014", "press"), CancellationToken.None);
        var events = $"[{Event("e1", "delivered", "a@x.example")},{Event("e2", "delivered", "b@x.example")},{Event("e3", "open", "a@x.example")}," +
            $"{Event("e4", "open", "a@x.example")},{Event("e5", "click", "a@x.example")},{Event("e6", "bounce", "c@x.example", "bounce")}," +
            $"{Event("e7", "spamreport", "b@x.example")},{Event("e8", "unsubscribe", "d@x.example")},{Event("e1", "delivered", "a@x.example")}," +
            "{\"sg_event_id\":\"e9\",\"event\":\"processed\",\"email\":\"x@y.example\"}]";

        var result = await Receive(Signed(events));

        Assert.Equal(WebhookVerdict.Processed, result.Verdict);
        Assert.Equal(8, result.Processed);
        Assert.Equal(1, result.Duplicates);
        var counts = await _host.Get<IDeliveryStatistics>().GetAsync("iom-2014", CancellationToken.None);
        Assert.Equal(new DeliveryCounts(Queued: 4, Accepted: 4, Delivered: 2, Bounced: 1, Opened: 1, Clicked: 1, Unsubscribed: 1) { SpamReported = 1 }, counts);
        var suppressions = _host.Get<SuppressionList>();
        Assert.False(await suppressions.IsSuppressedAsync("a@x.example", CancellationToken.None));
        Assert.True(await suppressions.IsSuppressedAsync("b@x.example", CancellationToken.None));
        Assert.True(await suppressions.IsSuppressedAsync("c@x.example", CancellationToken.None));
        Assert.True(await suppressions.IsSuppressedAsync("d@x.example", CancellationToken.None));
    }

    [Fact]
    public async Task A_redelivered_payload_changes_nothing()
    {
        var delivery = Signed($"[{Event("r1", "delivered", "a@x.example")},{Event("r2", "open", "a@x.example")}]");

        var first = await Receive(delivery);
        var again = await Receive(delivery);

        Assert.Equal(2, first.Processed);
        Assert.Equal(0, again.Processed);
        Assert.Equal(2, again.Duplicates);
        Assert.Equal(1, (await _host.Get<IDeliveryStatistics>().GetAsync("iom-2014", CancellationToken.None)).Delivered);
    }

    [Fact]
    public async Task Replays_and_later_events_of_the_same_kind_keep_the_time_it_first_happened()
    {
        var contact = Id("a@x.example");
        var first = WholeSecond();
        await Receive(Signed($"[{Event("t1", "delivered", "a@x.example")},{Event("t2", "open", "a@x.example")}]"));

        // An hour later SendGrid retries the delivery event under a new id, and the journalist opens the mail again.
        _clock.Advance(TimeSpan.FromHours(1));
        var later = await Receive(Signed($"[{Event("t3", "delivered", "a@x.example")},{Event("t4", "open", "a@x.example")},{Event("t5", "click", "a@x.example")}]"));

        Assert.Equal(3, later.Processed);
        var recipient = Assert.Single(await _host.Get<RecipientStatusStore>().ListAsync("iom-2014", CancellationToken.None), r => r.ContactId == contact);
        Assert.Equal(first, recipient.Times[RecipientEvent.Delivered]);
        Assert.Equal(first, recipient.Times[RecipientEvent.Opened]);
        Assert.Equal(first.AddHours(1), recipient.Times[RecipientEvent.Clicked]);
        Assert.Equal(1, (await _host.Get<IDeliveryStatistics>().GetAsync("iom-2014", CancellationToken.None)).Opened);
    }

    [Fact]
    public async Task Marking_a_flag_again_directly_keeps_its_first_time_even_after_other_columns_changed()
    {
        var store = _host.Get<RecipientStatusStore>();
        var first = WholeSecond();
        await store.MarkAsync("iom-2014", "c-1", RecipientEvent.Opened, CancellationToken.None);
        await store.NoteBatchEventAsync("iom-2014", "c-1", "b-1", "open", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await store.MarkAsync("iom-2014", "c-1", RecipientEvent.Opened, CancellationToken.None);
        await store.MarkAsync("iom-2014", "c-1", RecipientEvent.Delivered, CancellationToken.None);

        var recipient = Assert.Single(await store.ListAsync("iom-2014", CancellationToken.None), r => r.ContactId == "c-1");
        Assert.Equal(first, recipient.Times[RecipientEvent.Opened]);
        Assert.Equal(first.AddMinutes(30), recipient.Times[RecipientEvent.Delivered]);
    }

    [Fact]
    public async Task A_blocked_bounce_is_counted_but_not_suppressed()
    {
        await Receive(Signed($"[{Event("bl1", "bounce", "soft@x.example", "blocked")}]"));

        Assert.False(await _host.Get<SuppressionList>().IsSuppressedAsync("soft@x.example", CancellationToken.None));
        Assert.True(await _host.Get<RecipientStatusStore>().HasAsync("iom-2014", Id("soft@x.example"), RecipientEvent.Bounced, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var delivery = Signed($"[{Event("f1", "unsubscribe", "victim@x.example")}]");
        var forged = delivery with { Body = Encoding.UTF8.GetBytes($"[{Event("f1", "unsubscribe", "other@x.example")}]") };

        Assert.Equal(WebhookVerdict.BadSignature, (await Receive(forged)).Verdict);
        Assert.False(await _host.Get<SuppressionList>().IsSuppressedAsync("other@x.example", CancellationToken.None));
    }

    [Fact]
    public async Task A_payload_signed_with_another_key_is_refused()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(WebhookVerdict.BadSignature, (await Receive(Signed($"[{Event("f2", "delivered", "a@x.example")}]", attacker))).Verdict);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("not-base64!", "1700000000")]
    public async Task Missing_or_garbled_signature_headers_are_refused(string signature, string timestamp)
    {
        var result = await _host.Get<EventWebhookReceiver>().ReceiveAsync("[]"u8.ToArray(), signature, timestamp, CancellationToken.None);

        Assert.Equal(WebhookVerdict.BadSignature, result.Verdict);
    }

    [Fact]
    public async Task A_correctly_signed_but_old_delivery_is_refused_as_a_replay()
    {
        var old = Signed($"[{Event("old1", "delivered", "a@x.example")}]", at: _clock.GetUtcNow().AddMinutes(-10));

        Assert.Equal(WebhookVerdict.Replayed, (await Receive(old)).Verdict);
    }

    [Fact]
    public async Task A_delivery_inside_the_window_is_accepted()
    {
        var recent = Signed($"[{Event("new1", "delivered", "a@x.example")}]", at: _clock.GetUtcNow().AddMinutes(-4));

        Assert.Equal(WebhookVerdict.Processed, (await Receive(recent)).Verdict);
    }

    [Fact]
    public async Task A_signed_payload_that_is_not_an_event_array_is_a_bad_payload()
    {
        Assert.Equal(WebhookVerdict.BadPayload, (await Receive(Signed("{\"event\":\"delivered\"}"))).Verdict);
    }
}

/// <summary>Without the verification key no delivery is trusted.</summary>
public sealed class EventWebhookWithoutKeyTests
{
    [Fact]
    public async Task Without_a_configured_key_every_delivery_is_refused()
    {
        await using var host = DistributionHost.Create();

        var result = await host.Get<EventWebhookReceiver>().ReceiveAsync("[]"u8.ToArray(), "sig", "1", CancellationToken.None);

        Assert.Equal(WebhookVerdict.NotConfigured, result.Verdict);
    }
}
