using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Distribution;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Distribution.Tracking;
using PressPipeline.Distribution.Unsubscribe;
using PressPipeline.Functions.Distribution;

namespace PressPipeline.Functions.Tests.Distribution;

/// <summary>
/// The unsubscribe and event-webhook functions called directly, as the host would, over the services
/// AddPressDistribution registers against Azurite (started by scripts/test.sh or scripts/azurite.sh).
/// </summary>
public sealed class DistributionFunctionsTests : IAsyncDisposable
{
    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ServiceProvider _services;

    public DistributionFunctionsTests()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PressStorage"] = "UseDevelopmentStorage=true",
            ["Contacts:SuppressionTable"] = "fnsuppr" + suffix,
            ["Contacts:HashKey"] = "test-only-hash-key",
            ["SendGrid:EventTable"] = "fnevents" + suffix,
            ["SendGrid:StatusTable"] = "fnstatus" + suffix,
            ["SendGrid:WebhookPublicKey"] = Convert.ToBase64String(_sendGridKey.ExportSubjectPublicKeyInfo()),
            ["Unsubscribe:SigningSecret"] = "test-only-signing-secret",
            ["Mail:Transport"] = "Outbox",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddPressDistribution(configuration).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _sendGridKey.Dispose();
    }

    private string TokenFor(string email) =>
        _services.GetRequiredService<UnsubscribeTokens>().Create(new UnsubscribeSubject(_services.GetRequiredService<ContactIdentity>().IdOf(email), "iom-2014"));

    private async Task<IActionResult> UnsubscribeAsync(string method, string token)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.QueryString = new QueryString("?t=" + token);
        return await new UnsubscribeFunction(_services.GetRequiredService<UnsubscribeService>()).RunAsync(context.Request, CancellationToken.None);
    }

    private Task<bool> SuppressedAsync(string email) => _services.GetRequiredService<SuppressionList>().IsSuppressedAsync(email, CancellationToken.None);

    [Fact]
    public async Task One_click_POST_answers_200_without_a_redirect_and_unsubscribes()
    {
        var result = await UnsubscribeAsync("POST", TokenFor("jane@kaztag.example"));

        var content = FunctionHarness.Serve(result);
        Assert.Equal(200, content.Status);
        Assert.True(await SuppressedAsync("jane@kaztag.example"));
    }

    [Fact]
    public async Task GET_shows_the_confirm_page_and_unsubscribes_nobody()
    {
        var result = await UnsubscribeAsync("GET", TokenFor("scanner@kaztag.example"));

        var content = FunctionHarness.Serve(result);
        Assert.Equal(200, content.Status);
        Assert.StartsWith("text/html", content.ContentType, StringComparison.Ordinal);
        Assert.Contains("method=\"post\"", content.Text, StringComparison.Ordinal);
        Assert.False(await SuppressedAsync("scanner@kaztag.example"));
    }

    [Fact]
    public async Task A_bad_token_answers_400()
    {
        var result = FunctionHarness.Serve(await UnsubscribeAsync("POST", "not-a-token"));

        Assert.Equal(400, result.Status);
    }

    private async Task<IActionResult> PostEventsAsync(string json, Func<byte[], byte[]>? tamper = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(json);
        var signature = _sendGridKey.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(tamper?.Invoke(body) ?? body);
        context.Request.Headers[EventWebhookReceiver.SignatureHeader] = Convert.ToBase64String(signature);
        context.Request.Headers[EventWebhookReceiver.TimestampHeader] = timestamp;
        return await new SendGridEventsFunction(_services.GetRequiredService<EventWebhookReceiver>()).RunAsync(context.Request, CancellationToken.None);
    }

    private static string SpamReport(string email) =>
        JsonSerializer.Serialize(new[] { new Dictionary<string, string> { ["sg_event_id"] = Guid.NewGuid().ToString("N"), ["event"] = "spamreport", ["email"] = email, ["release_id"] = "iom-2014" } });

    [Fact]
    public async Task A_signed_event_delivery_answers_200_and_is_applied()
    {
        var result = await PostEventsAsync(SpamReport("angry@outlet.example"));

        Assert.IsType<OkResult>(result);
        Assert.True(await SuppressedAsync("angry@outlet.example"));
    }

    [Fact]
    public async Task An_endless_chunked_event_delivery_answers_413_having_read_no_more_than_the_limit()
    {
        var endless = new EndlessBody();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = endless;

        var result = await new SendGridEventsFunction(_services.GetRequiredService<EventWebhookReceiver>()).RunAsync(context.Request, CancellationToken.None);

        Assert.Equal(413, Assert.IsType<StatusCodeResult>(result).StatusCode);
        Assert.InRange(endless.BytesRead, SendGridEventsFunction.MaxBodyBytes, SendGridEventsFunction.MaxBodyBytes + 1);
    }

    [Fact]
    public async Task A_forged_event_delivery_answers_403_and_changes_nothing()
    {
        var result = await PostEventsAsync(SpamReport("victim@outlet.example"), body => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("victim", "target", StringComparison.Ordinal)));

        Assert.Equal(403, Assert.IsType<StatusCodeResult>(result).StatusCode);
        Assert.False(await SuppressedAsync("target@outlet.example"));
    }

    /// <summary>A chunked body that never ends (no Content-Length, no length): it counts what was read of it.</summary>
    private sealed class EndlessBody : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'[', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
