using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Distribution.Tests.Infrastructure;

namespace PressPipeline.Distribution.Tests.Sending;

public sealed class SendingTests : IAsyncLifetime
{
    private FakeSendGridEndpoint _endpoint = null!;
    private DistributionHost _host = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await FakeSendGridEndpoint.StartAsync();
        _host = DistributionHost.Create(_endpoint);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    private Task<DistributionReport> DistributeAsync(string releaseId, params string[] lists) =>
        _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request(releaseId, lists), CancellationToken.None);

    [Fact]
    public async Task Ten_thousand_recipients_go_out_in_ten_requests_within_SendGrid_limits()
    {
        await _host.UploadListAsync("national", DistributionHost.Journalists(10_000));

        var report = await DistributeAsync("r-10k", "national");

        Assert.True(report.Complete, string.Join("\n", report.Problems));
        Assert.Equal(10_000, report.Recipients);
        Assert.Equal(10, report.BatchesAccepted);
        Assert.Empty(_endpoint.Violations);
        Assert.Equal(10, _endpoint.Requests.Count);
        Assert.Single(_endpoint.SandboxRequests);
        Assert.Equal(10_000, _endpoint.DeliveredRecipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(_endpoint.Requests, r => Assert.Equal(1000, r.Recipients.Count));
    }

    [Fact]
    public async Task Every_recipient_gets_an_own_personalization_with_one_click_unsubscribe_and_a_hashed_contact_id()
    {
        await _host.UploadListAsync("press", "email,name\njane.doe@kaztag.example,Jane Doe\nnoname@tengri.example,\n");

        await DistributeAsync("r-pers", "press");

        var request = Assert.Single(_endpoint.Requests);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var personalizations = root.GetProperty("personalizations").EnumerateArray().ToArray();
        Assert.Equal(2, personalizations.Length);
        Assert.All(personalizations, p => Assert.Equal(1, p.GetProperty("to").GetArrayLength()));
        var headers = personalizations[0].GetProperty("headers");
        Assert.StartsWith("<https://press.example.org/api/unsubscribe?t=", headers.GetProperty("List-Unsubscribe").GetString(), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
        var contactIds = personalizations.Select(p => p.GetProperty("custom_args").GetProperty("contact_id").GetString()!).ToArray();
        Assert.All(contactIds, id => Assert.DoesNotContain("@", id, StringComparison.Ordinal));
        Assert.Equal("r-pers", root.GetProperty("custom_args").GetProperty("release_id").GetString());
        Assert.Equal(request.BatchId, root.GetProperty("custom_args").GetProperty("batch_id").GetString());
        Assert.Equal(["release-r-pers"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("media@iom.example.org", root.GetProperty("reply_to").GetProperty("email").GetString());
        Assert.StartsWith("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6): ", root.GetProperty("subject").GetString(), StringComparison.Ordinal);

        var greetings = personalizations.Select(p => p.GetProperty("substitutions").GetProperty("-pp-greeting-text-").GetString()).ToArray();
        Assert.Contains("Dear Jane Doe,", greetings);
        Assert.Contains("Dear colleague,", greetings);
        var html = root.GetProperty("content")[1].GetProperty("value").GetString()!;
        Assert.Contains("-pp-unsubscribe-url-", html, StringComparison.Ordinal);
        Assert.Contains("14 Mambetov Street", html, StringComparison.Ordinal);
        Assert.Contains("https://press.example.org/releases/r-pers/release.pdf?sig=def", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suppressed_contacts_get_nothing()
    {
        await _host.UploadListAsync("press", "email\nstays@outlet.example\nLeft@Outlet.example\nbounced@outlet.example\n");
        var suppressions = _host.Get<SuppressionList>();
        await suppressions.AddAsync("left@outlet.example", SuppressionReason.Unsubscribed, null, CancellationToken.None);
        await suppressions.AddAsync("bounced@outlet.example", SuppressionReason.HardBounce, null, CancellationToken.None);

        var report = await DistributeAsync("r-suppr", "press");

        Assert.Equal(2, report.Suppressed);
        Assert.Equal(["stays@outlet.example"], _endpoint.DeliveredRecipients);
    }

    [Fact]
    public async Task Running_again_never_resends_an_accepted_batch()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(2_500));

        var first = await DistributeAsync("r-again", "press");
        var second = await DistributeAsync("r-again", "press");

        Assert.True(first.Complete);
        Assert.True(second.Complete);
        Assert.Equal(3, second.BatchesAccepted);
        Assert.Equal(3, _endpoint.Requests.Count);
        Assert.Equal(2_500, _endpoint.DeliveredRecipients.Count());
    }

    [Fact]
    public async Task Rate_limiting_is_waited_out_using_X_RateLimit_Reset()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));
        _endpoint.Then(EndpointAnswer.RateLimit);

        var report = await DistributeAsync("r-429", "press");

        Assert.True(report.Complete, string.Join("\n", report.Problems));
        Assert.Equal([EndpointAnswer.RateLimit, EndpointAnswer.Accept], _endpoint.Requests.Select(r => r.Answer));
        Assert.Equal(10, _endpoint.DeliveredRecipients.Count());
    }

    [Theory]
    [InlineData(EndpointAnswer.ServerError, 500)]
    [InlineData(EndpointAnswer.BadGateway, 502)]
    [InlineData(EndpointAnswer.GatewayTimeout, 504)]
    public async Task A_gateway_or_server_error_is_not_retried_but_held_as_unknown_for_staff(EndpointAnswer answer, int status)
    {
        // A 5xx does not prove SendGrid did not queue the batch; a retry could mail everyone twice.
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));
        _endpoint.Then(answer);

        var first = await DistributeAsync("r-5xx-" + status, "press");
        var second = await DistributeAsync("r-5xx-" + status, "press");

        Assert.Single(_endpoint.Requests);
        Assert.Equal(1, first.BatchesUnknown);
        Assert.Equal(0, first.BatchesFailed);
        Assert.Contains(first.Problems, p => p.Contains($"SendGrid answered {status}", StringComparison.Ordinal) && p.Contains("release the batch", StringComparison.Ordinal));
        Assert.Equal(1, second.BatchesUnknown);
        var row = Assert.Single(await _host.Get<IBatchLedger>().ListAsync("r-5xx-" + status, CancellationToken.None));
        Assert.Equal(BatchState.Unknown, row.State);
    }

    [Fact]
    public async Task A_refused_connection_proves_nothing_was_sent_so_the_batch_is_Failed_and_a_resume_sends_it()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));
        var settings = _host.Configuration.AsEnumerable().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        settings["SendGrid:Host"] = $"http://127.0.0.1:{ClosedPort()}";
        settings["SendGrid:SandboxCheck"] = "false";
        await using (var refused = DistributionHost.Create(_endpoint, settings: settings))
        {
            var report = await refused.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("r-refused", "press"), CancellationToken.None);

            Assert.Equal(1, report.BatchesFailed);
            Assert.Equal(0, report.BatchesUnknown);
            Assert.Contains(report.Problems, p => p.Contains("could not be reached", StringComparison.Ordinal));
        }

        var resumed = await DistributeAsync("r-refused", "press");

        Assert.True(resumed.Complete, string.Join("\n", resumed.Problems));
        Assert.Equal(10, _endpoint.DeliveredRecipients.Count());
    }

    [Fact]
    public async Task Only_429_and_a_refused_connection_count_as_safe_to_retry()
    {
        using var http = new HttpClient();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{ClosedPort()}/")));

        Assert.True(SendGridResilience.IsSafeToRetry(Polly.Outcome.FromException<HttpResponseMessage>(refused)));
        Assert.True(SendGridResilience.IsSafeToRetry(Polly.Outcome.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests))));
        foreach (var code in new[] { 500, 502, 503, 504 })
        {
            Assert.False(SendGridResilience.IsSafeToRetry(Polly.Outcome.FromResult(new HttpResponseMessage((System.Net.HttpStatusCode)code))), $"{code} must not be retried");
        }

        Assert.False(SendGridResilience.IsSafeToRetry(Polly.Outcome.FromException<HttpResponseMessage>(new HttpRequestException("connection reset", new IOException("reset")))));
    }

    [Fact]
    public async Task Two_overlapping_runs_with_different_lists_never_put_a_recipient_in_two_batches()
    {
        // The second list has 137 more journalists at the front: with position-based batches every boundary would
        // shift, and two runs at the same moment would each claim "their" batches over the same people.
        await _host.UploadListAsync("first", DistributionHost.Journalists(3_000, start: 137));
        await _host.UploadListAsync("second", DistributionHost.Journalists(3_137));
        var distributor = _host.Get<IReleaseDistributor>();

        var runs = await Task.WhenAll(
            Task.Run(() => distributor.DistributeAsync(SampleRelease.Request("r-overlap", "first"), CancellationToken.None)),
            Task.Run(() => distributor.DistributeAsync(SampleRelease.Request("r-overlap", "second"), CancellationToken.None)),
            Task.Run(() => distributor.DistributeAsync(SampleRelease.Request("r-overlap", "first"), CancellationToken.None)),
            Task.Run(() => distributor.DistributeAsync(SampleRelease.Request("r-overlap", "second"), CancellationToken.None)));

        // A run with the shorter list drops the others from the batches it claims; they wait for the next run.
        Assert.All(_endpoint.DeliveredRecipients.GroupBy(ContactIdentity.Normalize), g => Assert.Single(g));
        var rows = await _host.Get<IBatchLedger>().ListAsync("r-overlap", CancellationToken.None);
        Assert.Equal(rows.Sum(r => r.Members.Count), rows.SelectMany(r => r.Members).Distinct(StringComparer.Ordinal).Count());
        Assert.All(runs, r => Assert.Null(r.Blocked));

        // Runs racing report each other's batches in flight; once they are done, one more run finds nothing left.
        var final = await DistributeAsync("r-overlap", "second");
        Assert.True(final.Complete, string.Join("\n", final.Problems));
        Assert.Equal(3_137, _endpoint.DeliveredRecipients.Count());
        Assert.Equal(3_137, _endpoint.DeliveredRecipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task A_timeout_leaves_the_batch_unknown_and_it_is_not_resent_automatically()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));
        _endpoint.Then(EndpointAnswer.Hang);

        var first = await DistributeAsync("r-hang", "press");
        var second = await DistributeAsync("r-hang", "press");

        Assert.Equal(1, first.BatchesUnknown);
        Assert.False(first.Complete);
        Assert.Contains(first.Problems, p => p.Contains("may or may not have been sent", StringComparison.Ordinal));
        Assert.Equal(1, second.BatchesUnknown);
        Assert.Single(_endpoint.Requests);
    }

    [Fact]
    public async Task Staff_can_allow_an_unknown_batch_to_be_resent()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));
        _endpoint.Then(EndpointAnswer.Hang);
        await DistributeAsync("r-allow", "press");
        var batchId = Assert.Single(_endpoint.Requests).BatchId;

        Assert.True(await _host.Get<ReleaseDistributor>().AllowResendAsync("r-allow", batchId, CancellationToken.None));
        var report = await DistributeAsync("r-allow", "press");

        Assert.True(report.Complete, string.Join("\n", report.Problems));
        Assert.Equal(2, _endpoint.Requests.Count);
    }

    [Fact]
    public async Task A_rejection_that_is_our_fault_fails_the_batch_with_SendGrids_message()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));
        _endpoint.Then(EndpointAnswer.BadRequest);

        var report = await DistributeAsync("r-400", "press");

        Assert.Equal(1, report.BatchesFailed);
        Assert.Contains(report.Problems, p => p.Contains("SendGrid rejected the batch (400): The from address does not match a verified Sender Identity. (field from)", StringComparison.Ordinal));
        Assert.Single(_endpoint.Requests);
    }

    [Fact]
    public async Task A_failed_sandbox_check_sends_nothing_and_says_why()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));
        _endpoint.RejectSandbox = true;

        var report = await DistributeAsync("r-sandbox", "press");

        Assert.Contains("sandbox check", report.Blocked, StringComparison.Ordinal);
        Assert.Contains("verified Sender Identity", report.Blocked, StringComparison.Ordinal);
        Assert.Empty(_endpoint.Requests);
        Assert.Empty(await _host.Get<IBatchLedger>().ListAsync("r-sandbox", CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_list_blocks_the_whole_send()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));

        var report = await DistributeAsync("r-missing", "press", "regional");

        Assert.NotNull(report.Blocked);
        Assert.Contains("'regional'", report.Blocked, StringComparison.Ordinal);
        Assert.Equal(0, _endpoint.RequestCount);
    }

    [Fact]
    public async Task An_unknown_time_zone_blocks_the_send_with_a_sentence_staff_can_act_on()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(3));

        var report = await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("r-zone", "press") with { TimeZoneId = "Astana time" }, CancellationToken.None);

        Assert.Equal("'Astana time' is not a time zone of the zone table (write it like Asia/Almaty, GMT or UTC+5).", report.Blocked);
        Assert.Equal(0, _endpoint.RequestCount);
    }

    [Fact]
    public async Task An_e_mail_too_large_for_Gmail_is_reported()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(1));
        _host.Release.Content = _host.Release.Content with { Html = "<html><body>" + new string('x', 120 * 1024) + "</body></html>" };

        var report = await DistributeAsync("r-gmail", "press");

        Assert.Contains(report.Problems, p => p.Contains("Gmail cuts messages over about 100 KB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_test_send_goes_only_to_the_staff_addresses()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(10));

        var report = await _host.Get<IReleaseTestSender>().SendTestAsync(SampleRelease.Request("r-test", "press"), CancellationToken.None);

        Assert.True(report.Complete);
        Assert.Equal(["officer@iom.example.org", "editor@iom.example.org"], _endpoint.DeliveredRecipients.Order(StringComparer.Ordinal).Reverse());
        using var json = JsonDocument.Parse(_endpoint.Requests.Single().Body);
        Assert.StartsWith("[TEST] EMBARGOED", json.RootElement.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _host.Get<IBatchLedger>().ListAsync("r-test", CancellationToken.None));
    }

    [Fact]
    public async Task A_pdf_too_large_to_attach_is_linked_instead()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(3));
        _host.Release.Pdf = new byte[6 * 1024 * 1024];

        var report = await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("r-bigpdf", "press") with { AttachPdf = true }, CancellationToken.None);

        Assert.Contains(report.Problems, p => p.Contains("linked but not attached", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(_endpoint.Requests.Single().Body);
        Assert.False(json.RootElement.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task A_small_pdf_is_attached()
    {
        await _host.UploadListAsync("press", DistributionHost.Journalists(3));
        _host.Release.Pdf = "%PDF-1.7 small"u8.ToArray();

        await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("r-pdf", "press") with { AttachPdf = true }, CancellationToken.None);

        using var json = JsonDocument.Parse(_endpoint.Requests.Single().Body);
        var attachment = json.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/pdf", attachment.GetProperty("type").GetString());
        Assert.Equal("r-pdf.pdf", attachment.GetProperty("filename").GetString());
    }

    [Fact]
    public async Task A_release_in_one_language_reaches_every_contact_once_whatever_their_language()
    {
        await _host.UploadListAsync("press", "email,language\nen@x.example,en\nru@x.example,ru\nall@x.example,\n");

        await DistributeAsync("r-lang", "press");

        Assert.Equal(["all@x.example", "en@x.example", "ru@x.example"], _endpoint.DeliveredRecipients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_contact_id_is_a_keyed_hash_that_ignores_case()
    {
        var identity = _host.Get<ContactIdentity>();

        Assert.Equal(identity.IdOf("Jane@Outlet.example"), identity.IdOf(" jane@outlet.example "));
        Assert.NotEqual(identity.IdOf("jane@outlet.example"), new ContactIdentity("another-key").IdOf("jane@outlet.example"));
        Assert.Equal(22, identity.IdOf("jane@outlet.example").Length);
    }
}
