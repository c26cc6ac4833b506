using System.Text;
using System.Text.Json;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Tracking;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>The operations service on Azurite with the real distribution and the real SendGrid client against a local endpoint.</summary>
public sealed class OperationsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly Actor Anna = new("anna@iom.example.org", Door.Api);
    private static readonly Actor Boris = new("boris@iom.example.org", Door.Cli);
    private OperationsHarness harness = null!;

    private ReleaseOperations Releases => harness.Get<ReleaseOperations>();

    public async Task InitializeAsync() => harness = await OperationsHarness.StartAsync(Now);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> UploadAsync(string title, ReleaseInstructions? instructions = null, Actor? by = null)
    {
        using var docx = new MemoryStream(TestDocx.Build(title, "FOR IMMEDIATE RELEASE", "Astana – Body."));
        return (await Releases.UploadAsync(docx, "release.docx", instructions ?? ReleaseInstructions.None, by ?? Anna, default)).ReleaseId;
    }

    private static string Journalists(int count) =>
        "email,name,outlet,language\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"j{i}@outlet.example,Journalist {i},Outlet,en\n"));

    [Fact]
    public async Task Every_change_of_a_release_records_who_did_it_and_through_which_door()
    {
        var id = await UploadAsync("Who did what");
        await Releases.ScheduleAsync(id, Flow.Send("2026-12-01T09:00"), Boris, default);
        await Releases.ScheduleAsync(id, Flow.Send("2026-12-01T10:00"), Anna, default);
        await Releases.CancelAsync(id, Boris, default);

        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(Anna, status.UploadedBy);
        Assert.Equal(
            [("Received", Anna), ("Converted", Actor.System), ("Scheduled", Boris), ("Scheduled", Anna), ("Cancelled", Boris)],
            status.History.Select(e => (e.State.ToString(), e.By!)));
        Assert.StartsWith("Rescheduled", status.History[3].Message, StringComparison.Ordinal);
        var log = await harness.Get<OperationsLog>().RecentAsync(10, default);
        Assert.Equal(["cancel", "schedule", "schedule", "upload"], log.Select(r => r.Operation));
        Assert.Equal(Boris, log[0].By);
    }

    [Fact]
    public async Task A_test_send_goes_to_the_given_addresses_marked_TEST_and_never_into_the_ledger_or_the_counts()
    {
        var id = await UploadAsync("Tested before sending");

        var result = await Releases.TestSendAsync(id, ["me@iom.example.org", "chief@iom.example.org"], Anna, default);

        Assert.True(result.Sent);
        Assert.Equal(2, result.Addresses);
        var request = Assert.Single(harness.Endpoint.Requests);
        Assert.Equal(["chief@iom.example.org", "me@iom.example.org"], request.Recipients.Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(request.Body);
        Assert.StartsWith("[TEST] ", json.RootElement.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal($"test-{id}", json.RootElement.GetProperty("custom_args").GetProperty("release_id").GetString());
        Assert.Empty(await harness.Get<IBatchLedger>().ListAsync(id, default));
        var report = await harness.Get<DeliveryReports>().BuildAsync(id, includeAddresses: true, null, default);
        Assert.Empty(report.Recipients);
        Assert.Equal(0, report.Statistics.Accepted);
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal("Test e-mail of version 1 sent to 2 address(es).", status.History[^1].Message);
        Assert.Equal(ReleaseState.Converted, status.State);
    }

    [Fact]
    public async Task A_test_send_to_something_that_is_not_an_address_is_refused_with_a_sentence()
    {
        var id = await UploadAsync("Bad test address");

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Releases.TestSendAsync(id, ["not-an-address"], Anna, default));

        Assert.Equal("The test e-mail was not sent: 'not-an-address' is not an e-mail address.", problem.Message);
        Assert.Empty(harness.Endpoint.Requests);
    }

    [Fact]
    public async Task The_delivery_report_shows_each_recipient_from_the_ledger_the_webhook_and_the_suppressions()
    {
        await harness.PutListAsync("media", Journalists(5));
        await harness.Get<SuppressionOperations>().AddAsync("j5@outlet.example", "do-not-contact", "asked by phone", Anna, default);
        var id = await UploadAsync("Reported", Flow.Send("now"));
        await harness.DispatchAsync();
        await harness.WorkAsync();
        var identity = harness.Get<Distribution.Contacts.ContactIdentity>();
        var statusStore = harness.Get<RecipientStatusStore>();
        await statusStore.MarkAsync(id, identity.IdOf("j1@outlet.example"), RecipientEvent.Delivered, default);
        await statusStore.MarkAsync(id, identity.IdOf("j1@outlet.example"), RecipientEvent.Opened, default);
        await statusStore.MarkAsync(id, identity.IdOf("j2@outlet.example"), RecipientEvent.Bounced, default);
        await statusStore.MarkAsync(id, identity.IdOf("j3@outlet.example"), RecipientEvent.Deferred, default);

        var report = await harness.Get<DeliveryReports>().BuildAsync(id, includeAddresses: true, null, default);
        var hidden = await harness.Get<DeliveryReports>().BuildAsync(id, includeAddresses: false, null, default);

        Assert.Equal(ReleaseState.Sent, report.State);
        Assert.Equal((4, 4, 1, 1, 1, 1), (report.Counts.Recipients, report.Counts.Accepted, report.Counts.Delivered, report.Counts.Opened, report.Counts.Bounced, report.Counts.Deferred));
        Assert.Equal(1, report.Counts.Suppressed);
        Assert.Equal(4, report.Statistics.Accepted);
        var j1 = Assert.Single(report.Recipients, r => r.Email == "j1@outlet.example");
        Assert.Equal((RecipientSending.Accepted, true, true, "Journalist 1"), (j1.Sending, j1.Delivered, j1.Opened, j1.Name));
        Assert.Equal(RecipientSending.Suppressed, Assert.Single(report.Recipients, r => r.Email == "j5@outlet.example").Sending);
        Assert.All(hidden.Recipients, r => Assert.Null(r.Email));
        Assert.False(hidden.AddressesShown);

        var csv = Encoding.UTF8.GetString(DeliveryReports.ToCsv(report)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', DeliveryReports.CsvHeader), csv[0]);
        Assert.Equal(6, csv.Length);
        Assert.Contains(csv, line => line.StartsWith(Csv.Cell(j1.ContactId) + ",j1@outlet.example,Journalist 1,Outlet,accepted,yes,,,,yes", StringComparison.Ordinal));
        Assert.DoesNotContain("@", Encoding.UTF8.GetString(DeliveryReports.ToCsv(hidden)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_media_list_is_checked_with_row_numbers_before_it_is_stored_and_can_be_listed_downloaded_replaced_and_deleted()
    {
        var lists = harness.Get<MediaListOperations>();
        var csv = BinaryData.FromString("email,name\nok@outlet.example,Ok\nnot-an-address,Bad\nok@outlet.example,Again\n");

        var check = MediaListOperations.Check("regional", csv);
        var stored = await lists.UploadAsync("regional", csv, replace: false, Anna, default);
        var taken = await Assert.ThrowsAsync<ReleaseProblemException>(() => lists.UploadAsync("regional", csv, replace: false, Boris, default));
        var unusable = await Assert.ThrowsAsync<ReleaseProblemException>(() => lists.UploadAsync("other", BinaryData.FromString("name,outlet\nA,B\n"), replace: false, Anna, default));
        var badName = Assert.Throws<ReleaseProblemException>(() => MediaListOperations.Check("../secrets", csv));

        Assert.Equal((1, false, true), (check.Contacts, check.Stored, check.Usable));
        Assert.Equal([(3, "'not-an-address' is not an e-mail address."), (4, "ok@outlet.example is a duplicate of row 2; this row is skipped.")], check.Problems.Select(p => (p.Row, p.Message)));
        Assert.True(stored.Stored);
        Assert.Equal(ProblemKind.Conflict, taken.Kind);
        Assert.StartsWith("List 'other' was not stored: missing column \"email\"", unusable.Message, StringComparison.Ordinal);
        Assert.Equal(ProblemKind.Invalid, badName.Kind);

        var listed = Assert.Single(await lists.ListAsync(default));
        Assert.Equal(("regional", 1, "anna@iom.example.org (api)"), (listed.Name, listed.Contacts, listed.UpdatedBy));
        Assert.Equal(csv.ToString(), (await lists.DownloadAsync("regional", default)).ToString());

        await lists.UploadAsync("regional", BinaryData.FromString("email\na@outlet.example\nb@outlet.example\n"), replace: true, Boris, default);
        Assert.Equal(2, Assert.Single(await lists.ListAsync(default)).Contacts);

        await lists.DeleteAsync("regional", Boris, default);
        Assert.Empty(await lists.ListAsync(default));
        Assert.Equal(ProblemKind.NotFound, (await Assert.ThrowsAsync<ReleaseProblemException>(() => lists.DeleteAsync("regional", Boris, default))).Kind);
        Assert.Equal(["list-delete", "list-replace", "list-upload"], (await harness.Get<OperationsLog>().RecentAsync(3, default)).Select(r => r.Operation));
    }

    [Fact]
    public async Task Suppressions_are_added_with_a_reason_found_by_address_listed_and_exported_without_addresses_and_removed()
    {
        var suppressions = harness.Get<SuppressionOperations>();

        var added = await suppressions.AddAsync("Editor@Outlet.example", "do-not-contact", "asked by phone", Anna, default);
        var found = await suppressions.FindAsync("editor@outlet.example", default);
        var all = await suppressions.ListAsync(null, default);
        var csv = Encoding.UTF8.GetString(SuppressionOperations.ToCsv(all));
        var badReason = await Assert.ThrowsAsync<ReleaseProblemException>(() => suppressions.AddAsync("x@outlet.example", "because", null, Anna, default));
        await suppressions.RemoveAsync("editor@outlet.example", Boris, default);

        Assert.Equal(harness.Get<Distribution.Contacts.ContactIdentity>().IdOf("editor@outlet.example"), added.ContactId);
        Assert.Equal((Distribution.Suppressions.SuppressionReason.DoNotContact, "anna@iom.example.org (api)", "asked by phone"), (found!.Reason, found.AddedBy, found.Note));
        Assert.Equal(added.ContactId, Assert.Single(all).ContactId);
        Assert.DoesNotContain("outlet.example", csv, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(added.ContactId, csv, StringComparison.Ordinal);
        Assert.StartsWith("Reason 'because' is not one of", badReason.Message, StringComparison.Ordinal);
        Assert.Null(await suppressions.FindAsync("editor@outlet.example", default));
        Assert.Equal(ProblemKind.NotFound, (await Assert.ThrowsAsync<ReleaseProblemException>(() => suppressions.RemoveAsync("editor@outlet.example", Boris, default))).Kind);
        var log = await harness.Get<OperationsLog>().RecentAsync(5, default);
        Assert.DoesNotContain(log, r => r.Subject.Contains('@', StringComparison.Ordinal) || r.Detail.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_correction_before_sending_replaces_the_variants_of_the_same_release_and_keeps_the_previous_original()
    {
        var id = await UploadAsync("Figure of 120 migrants", Flow.Send("2026-12-01T09:00"));
        await Releases.ApproveAsync(id, Boris, default);
        using var corrected = new MemoryStream(TestDocx.Build("Figure of 210 migrants", "FOR IMMEDIATE RELEASE", "Astana – Corrected body."));

        var view = await Releases.CorrectAsync(id, corrected, "release-v2.docx", Anna, default);

        Assert.Equal((id, 2, "Figure of 210 migrants", ReleaseState.Scheduled), (view.Status.Id, view.Status.Version, view.Status.Title, view.Status.State));
        Assert.Null(view.Status.Approval);
        Assert.Equal("Corrected: version 2 from release-v2.docx replaces the variants; the approval of the previous version no longer counts.", view.Status.History[^1].Message);
        var store = harness.Get<ReleaseBlobStore>();
        Assert.Equal("web: Figure of 210 migrants", (await store.ReadAsync(id, "index.html", default))!.ToString());
        Assert.NotNull(await store.ReadAsync(id, "versions/v1.docx", default));
        Assert.Equal("Figure of 210 migrants", (await store.RequireManifestAsync(id, default)).Title());
    }

    [Fact]
    public async Task A_correction_after_sending_without_a_note_is_refused_with_a_sentence_that_says_what_to_write()
    {
        await harness.PutListAsync("media", Journalists(2));
        var id = await UploadAsync("Already out", Flow.Send("now"));
        await harness.DispatchAsync();
        await harness.WorkAsync();
        using var corrected = new MemoryStream(TestDocx.Build("Too late"));

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Releases.CorrectAsync(id, corrected, "late.docx", Anna, default));

        Assert.Equal(ProblemKind.Invalid, problem.Kind);
        Assert.Equal($"Release {id} has already been sent, so the correction goes to its recipients: say what changed in a note (for example \"The date of the round table was wrong: it is 22 May\"), which is shown at the top of the e-mail.", problem.Message);
        Assert.Equal(1, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).Version);
        Assert.Single(harness.Endpoint.Requests);
    }

    [Fact]
    public async Task The_preview_gives_every_variant_a_signed_link_and_the_warnings()
    {
        var id = await UploadAsync("Previewed", Flow.Send("2026-12-01T09:00"));

        var preview = await Releases.PreviewAsync(id, default);

        Assert.Equal(["web", "email", "text", "pdf"], preview.Files.Select(f => f.Variant));
        Assert.All(preview.Files, f => Assert.StartsWith($"https://press.example.org/api/files/{id}/", f.Link.ToString(), StringComparison.Ordinal));
        Assert.All(preview.Files, f => Assert.Null(f.PublicLink));
        Assert.Equal("2026-12-01T09:00", preview.SendAtLocal);
        Assert.Equal(Now + ReleaseViews.PreviewLifetime, preview.LinksExpireAt);
        Assert.Equal(("Previewed", "press@iom.example.org", "press@example.org"), (preview.Email.Subject, preview.Email.From, preview.Email.ReplyTo));
    }
}

/// <summary>The two-person rule, switched on.</summary>
public sealed class TwoPersonRuleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly Actor Anna = new("anna@iom.example.org", Door.Api);
    private static readonly Actor Boris = new("Boris@iom.example.org", Door.Page);
    private OperationsHarness harness = null!;

    public async Task InitializeAsync() => harness = await OperationsHarness.StartAsync(Now, settings: new Dictionary<string, string?> { ["Pipeline:RequireApproval"] = "true" });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> UploadAsync(string title)
    {
        await harness.PutListAsync("media", "email\nj1@outlet.example\nj2@outlet.example\n");
        using var docx = new MemoryStream(TestDocx.Build(title, "FOR IMMEDIATE RELEASE", "Body."));
        return (await harness.Get<ReleaseOperations>().UploadAsync(docx, "release.docx", Flow.Send("2026-12-01T09:00"), Anna, default)).ReleaseId;
    }

    [Fact]
    public async Task The_uploader_cannot_approve_their_own_release()
    {
        var id = await UploadAsync("Self-approved");

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() =>
            harness.Get<ReleaseOperations>().ApproveAsync(id, new Actor("ANNA@iom.example.org", Door.Cli), default));

        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        Assert.Equal($"ANNA@iom.example.org uploaded release {id}, so someone else must approve it (two-person rule).", problem.Message);
    }

    [Fact]
    public async Task An_unapproved_release_is_held_at_its_send_time_with_a_sentence_and_never_sent()
    {
        var id = await UploadAsync("Never approved");
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));

        var first = await harness.DispatchAsync();
        var second = await harness.DispatchAsync();
        await harness.WorkAsync();

        Assert.Empty(first.Enqueued);
        Assert.Empty(second.Enqueued);
        Assert.Empty(harness.Endpoint.Requests);
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Scheduled, status.State);
        Assert.Equal("Held, not sent: nobody other than anna@iom.example.org approved it before its send time (2026-12-01T09:00 Asia/Almaty); approve it and schedule it again.", status.Held);
        Assert.Single(status.History, e => e.Message == status.Held);
        Assert.DoesNotContain(await harness.Get<ScheduleIndex>().EntriesOfAsync(id, default), e => e.Kind == WorkKind.Send);
    }

    [Fact]
    public async Task An_approved_release_is_sent_at_its_send_time_and_the_approval_is_in_its_history()
    {
        var id = await UploadAsync("Approved by a colleague");
        await harness.Get<ReleaseOperations>().ApproveAsync(id, Boris, default);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));

        await harness.DispatchAsync();
        await harness.WorkAsync();

        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sent, status.State);
        Assert.Equal(Boris, status.Approval!.By);
        Assert.Contains(status.History, e => e.Message == "Approved version 1 for sending." && e.By == Boris);
        Assert.Equal(2, harness.Endpoint.DeliveredRecipients.Count());
    }

    [Fact]
    public async Task A_held_release_approved_later_and_scheduled_again_is_sent()
    {
        var id = await UploadAsync("Approved late");
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));
        await harness.DispatchAsync();

        var approved = await harness.Get<ReleaseOperations>().ApproveAsync(id, Boris, default);
        await harness.Get<ReleaseOperations>().ScheduleAsync(id, Flow.Send("now"), Boris, default);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        Assert.Equal("Approved version 1; its send time has passed, so schedule it again to send it.", approved.Status.History[^1].Message);
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sent, status.State);
        Assert.Null(status.Held);
    }
}
