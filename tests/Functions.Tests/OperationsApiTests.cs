using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Tests;

/// <summary>Every staff operation through its function, on Azurite, with the real SendGrid client against a local endpoint.</summary>
public sealed class OperationsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private OperationsHarness harness = null!;

    public async Task InitializeAsync() => harness = await FunctionHarness.StartAsync(Now, new Dictionary<string, string?> { ["Pipeline:RequireApproval"] = "true" });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> CreateAsync(string title, string signedIn, IReadOnlyDictionary<string, string>? fields = null)
    {
        var request = FunctionHarness.Multipart(TestDocx.Build(title, "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – Body."), fields ?? new Dictionary<string, string>()).As(signedIn);
        var (status, body) = FunctionHarness.Read(await harness.Function<CreateRelease>().Run(request, default));
        Assert.Equal(201, status);
        return body.GetProperty("status").GetProperty("id").GetString()!;
    }

    private static string Principal(string name) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"{{name}}"},{"typ":"roles","val":"staff"}]}"""));

    [Fact]
    public async Task One_upload_with_translations_makes_one_release_in_three_languages()
    {
        // The repository's multilingual sample: English main version, Russian named by its field, Kazakh by its text.
        var folder = Path.Combine(RepositoryRoot(), "samples", "multilingual");
        var request = FunctionHarness.Multipart(
            File.ReadAllBytes(Path.Combine(folder, "roundtable-2026.docx")),
            new Dictionary<string, string>(),
            ("translation-ru", "roundtable-2026.ru.docx", File.ReadAllBytes(Path.Combine(folder, "roundtable-2026.ru.docx"))),
            ("translation", "roundtable-2026.kk.docx", File.ReadAllBytes(Path.Combine(folder, "roundtable-2026.kk.docx")))).As("anna@iom.example.org");

        var (status, body) = FunctionHarness.Read(await harness.Function<CreateRelease>().Run(request, default));

        Assert.Equal(201, status);
        var languages = body.GetProperty("status").GetProperty("languages").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.Equal(["en", "ru", "kk"], languages);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PressPipeline.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (PressPipeline.sln) was not found above the test's folder.");
    }

    [Fact]
    public async Task The_signed_in_staff_member_is_recorded_from_the_principal_headers_with_the_api_door_and_locally_the_development_actor()
    {
        var id = await CreateAsync("Recorded", "anna@iom.example.org");
        var schedule = FunctionHarness.Json("POST", """{ "lists": ["media"], "sendAt": "2026-12-01T09:00", "zone": "Asia/Almaty" }""");
        schedule.Headers[StaffPrincipal.PrincipalHeader] = Principal("Boris Petrov");
        await harness.Function<ScheduleRelease>().Run(schedule, id, default);

        // Without a principal, the local Functions host acts as its development actor (as the console does).
        await harness.Function<CancelRelease>().Run(FunctionHarness.Json("POST"), id, default);

        var (_, body) = FunctionHarness.Read(await harness.Function<GetRelease>().Run(FunctionHarness.Json("GET"), id, default));

        var history = body.GetProperty("status").GetProperty("history").EnumerateArray()
            .Select(e => (e.GetProperty("by").GetProperty("name").GetString(), e.GetProperty("by").GetProperty("door").GetString())).ToList();
        Assert.Equal(
            [("anna@iom.example.org", "Api"), ("presspipeline", "System"), ("Boris Petrov", "Api"), (FunctionHarness.DevelopmentActor, "Api")],
            history);
        Assert.Equal("anna@iom.example.org", body.GetProperty("status").GetProperty("uploadedBy").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Approve_is_refused_for_the_uploader_and_recorded_for_a_colleague()
    {
        var id = await CreateAsync("Needs a second person", "anna@iom.example.org");

        var (own, ownBody) = FunctionHarness.Read(await harness.Function<ApproveRelease>().Run(FunctionHarness.Json("POST").As("anna@iom.example.org"), id, default));
        var (other, otherBody) = FunctionHarness.Read(await harness.Function<ApproveRelease>().Run(FunctionHarness.Json("POST").As("boris@iom.example.org"), id, default));

        Assert.Equal(409, own);
        Assert.EndsWith("so someone else must approve it (two-person rule).", ownBody.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, other);
        Assert.Equal("boris@iom.example.org", otherBody.GetProperty("status").GetProperty("approval").GetProperty("by").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Preview_and_test_send_go_through_the_api_and_the_test_mail_reaches_the_endpoint_marked_TEST()
    {
        var id = await CreateAsync("Preview me", "anna@iom.example.org");

        var (previewStatus, preview) = FunctionHarness.Read(await harness.Function<PreviewRelease>().Run(FunctionHarness.Json("GET"), id, default));
        var (testStatus, test) = FunctionHarness.Read(await harness.Function<TestSendRelease>().Run(
            FunctionHarness.Json("POST", """{ "addresses": ["anna@iom.example.org"] }""").As("anna@iom.example.org"), id, default));
        var (defaultStatus, _) = FunctionHarness.Read(await harness.Function<TestSendRelease>().Run(FunctionHarness.Json("POST"), id, default));

        Assert.Equal(200, previewStatus);
        Assert.Contains(preview.GetProperty("files").EnumerateArray(), f => f.GetProperty("variant").GetString() == "email");
        Assert.Equal((200, 1, true), (testStatus, test.GetProperty("addresses").GetInt32(), test.GetProperty("sent").GetBoolean()));
        Assert.Equal(200, defaultStatus);
        Assert.Equal([["anna@iom.example.org"], ["officer@iom.example.org"]], harness.Endpoint.Requests.Select(r => r.Recipients.ToArray()));
        Assert.All(harness.Endpoint.Requests, r => Assert.StartsWith("[TEST] ", JsonDocument.Parse(r.Body).RootElement.GetProperty("subject").GetString(), StringComparison.Ordinal));

        // Staff may pick the version; one the release does not have is refused with a sentence and nothing sent.
        var (pickedStatus, picked) = FunctionHarness.Read(await harness.Function<TestSendRelease>().Run(FunctionHarness.Json("POST", """{ "language": "en" }"""), id, default));
        var (missingStatus, missing) = FunctionHarness.Read(await harness.Function<TestSendRelease>().Run(FunctionHarness.Json("POST", """{ "language": "kk" }"""), id, default));
        Assert.Equal(200, pickedStatus);
        Assert.Equal(["en"], picked.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(400, missingStatus);
        Assert.Contains("the release has no version in 'kk'", missing.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, harness.Endpoint.Requests.Count);
    }

    [Fact]
    public async Task Rescheduling_a_sent_release_is_refused_over_the_api_with_one_sentence()
    {
        await harness.PutListAsync("media", "email,name\nj1@outlet.example,Journalist One\n");
        var id = await CreateAsync("Sent, then rescheduled", "anna@iom.example.org", new Dictionary<string, string> { ["lists"] = "media", ["sendAt"] = "now", ["zone"] = "Asia/Almaty" });
        await harness.Function<ApproveRelease>().Run(FunctionHarness.Json("POST").As("boris@iom.example.org"), id, default);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var schedule = FunctionHarness.Json("POST", """{ "lists": ["media"], "sendAt": "2026-12-05T09:00", "zone": "Asia/Almaty" }""").As("anna@iom.example.org");
        var (status, body) = FunctionHarness.Read(await harness.Function<ScheduleRelease>().Run(schedule, id, default));

        Assert.Equal(409, status);
        Assert.Equal($"Release {id} has already been sent, so its times can no longer change; to change what journalists received, send a correction (presspipe correct {id}).", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_correction_after_sending_goes_out_as_CORRECTED_through_the_api_with_its_note()
    {
        await harness.PutListAsync("media", "email,name\nj1@outlet.example,Journalist One\n");
        var id = await CreateAsync("Wrong date: 21 May", "anna@iom.example.org", new Dictionary<string, string> { ["lists"] = "media", ["sendAt"] = "now", ["zone"] = "Asia/Almaty" });
        await harness.Function<ApproveRelease>().Run(FunctionHarness.Json("POST").As("boris@iom.example.org"), id, default);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        var sentBefore = harness.Endpoint.Requests.Count;

        var request = FunctionHarness.Multipart(
            TestDocx.Build("Right date: 22 May", "FOR IMMEDIATE RELEASE", "Body."),
            new Dictionary<string, string> { ["note"] = "The date of the round table was wrong: it is 22 May" }).As("anna@iom.example.org");
        var (status, body) = FunctionHarness.Read(await harness.Function<CorrectRelease>().Run(request, id, default));

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("status").GetProperty("version").GetInt32());
        Assert.Equal("The date of the round table was wrong: it is 22 May", body.GetProperty("status").GetProperty("correction").GetProperty("note").GetString());
        var correction = Assert.Single(harness.Endpoint.Requests.Skip(sentBefore));
        Assert.Equal("CORRECTED: Right date: 22 May", JsonDocument.Parse(correction.Body).RootElement.GetProperty("subject").GetString());
        Assert.Equal(["j1@outlet.example"], correction.Recipients);
    }

    [Fact]
    public async Task Correct_replaces_the_variants_through_the_api()
    {
        var id = await CreateAsync("Wrong figure: 120", "anna@iom.example.org");

        var request = FunctionHarness.Multipart(TestDocx.Build("Right figure: 210", "FOR IMMEDIATE RELEASE", "Body."), new Dictionary<string, string>()).As("anna@iom.example.org");
        var (status, body) = FunctionHarness.Read(await harness.Function<CorrectRelease>().Run(request, id, default));

        Assert.Equal(200, status);
        Assert.Equal(("Right figure: 210", 2), (body.GetProperty("status").GetProperty("title").GetString(), body.GetProperty("status").GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Correct_and_translate_without_a_Word_document_say_how_to_send_one()
    {
        var id = await CreateAsync("Round table", "anna@iom.example.org");

        var (jsonStatus, json) = FunctionHarness.Read(await harness.Function<CorrectRelease>().Run(FunctionHarness.Json("POST", "{}").As("anna@iom.example.org"), id, default));
        var (emptyStatus, empty) = FunctionHarness.Read(await harness.Function<TranslateRelease>().Run(
            FunctionHarness.Multipart(null, new Dictionary<string, string> { ["language"] = "ru" }).As("anna@iom.example.org"), id, default));

        Assert.Equal(400, jsonStatus);
        Assert.Equal("Send the corrected Word document as multipart/form-data with the .docx in the field 'file'.", json.GetProperty("error").GetString());
        Assert.Equal(400, emptyStatus);
        Assert.Equal("Attach the translated Word document (.docx) as the form field 'file'.", empty.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Media_lists_are_checked_created_listed_downloaded_replaced_and_deleted_over_the_api()
    {
        const string csv = "email,name\nok@outlet.example,Ok\nbroken,Bad\n";

        var (checkStatus, check) = FunctionHarness.Read(await harness.Function<CheckMediaList>().Run(FunctionHarness.Body("POST", csv), "media", default));
        var (createStatus, _) = FunctionHarness.Read(await harness.Function<CreateMediaList>().Run(FunctionHarness.Body("POST", csv).As("anna@iom.example.org"), "media", default));
        var (againStatus, _) = FunctionHarness.Read(await harness.Function<CreateMediaList>().Run(FunctionHarness.Body("POST", csv), "media", default));
        var (replaceStatus, replaced) = FunctionHarness.Read(await harness.Function<ReplaceMediaList>().Run(FunctionHarness.Body("PUT", "email\na@outlet.example\nb@outlet.example\n"), "media", default));
        var (listStatus, listed) = FunctionHarness.Read(await harness.Function<ListMediaLists>().Run(FunctionHarness.Json("GET"), default));
        var download = Assert.IsType<FileContentResult>(await harness.Function<DownloadMediaList>().Run(FunctionHarness.Json("GET"), "media", default));
        var deleted = await harness.Function<DeleteMediaList>().Run(FunctionHarness.Json("DELETE"), "media", default);
        var (goneStatus, _) = FunctionHarness.Read(await harness.Function<DownloadMediaList>().Run(FunctionHarness.Json("GET"), "media", default));

        Assert.Equal(200, checkStatus);
        Assert.Equal((3, "'broken' is not an e-mail address."), (check.GetProperty("problems")[0].GetProperty("row").GetInt32(), check.GetProperty("problems")[0].GetProperty("message").GetString()));
        Assert.Equal((201, 409, 200), (createStatus, againStatus, replaceStatus));
        Assert.Equal(2, replaced.GetProperty("contacts").GetInt32());
        Assert.Equal((200, "media", 2), (listStatus, listed[0].GetProperty("name").GetString(), listed[0].GetProperty("contacts").GetInt32()));
        Assert.Equal("text/csv; charset=utf-8", download.ContentType);
        Assert.Equal("email\na@outlet.example\nb@outlet.example\n", Encoding.UTF8.GetString(download.FileContents));
        Assert.IsType<NoContentResult>(deleted);
        Assert.Equal(404, goneStatus);
    }

    [Fact]
    public async Task Suppressions_are_added_found_exported_and_removed_over_the_api()
    {
        var (addStatus, added) = FunctionHarness.Read(await harness.Function<AddSuppression>().Run(
            FunctionHarness.Json("POST", """{ "email": "editor@outlet.example", "reason": "do-not-contact", "note": "asked by phone" }""").As("anna@iom.example.org"), default));
        var (findStatus, found) = FunctionHarness.Read(await harness.Function<ListSuppressions>().Run(FunctionHarness.Json("GET", query: "?email=Editor@outlet.example"), default));
        var export = Assert.IsType<FileContentResult>(await harness.Function<ExportSuppressions>().Run(FunctionHarness.Json("GET"), default));
        var removed = await harness.Function<RemoveSuppression>().Run(FunctionHarness.Json("POST", """{ "email": "editor@outlet.example" }"""), default);
        var (againStatus, _) = FunctionHarness.Read(await harness.Function<RemoveSuppression>().Run(FunctionHarness.Json("POST", """{ "email": "editor@outlet.example" }"""), default));
        var (badStatus, bad) = FunctionHarness.Read(await harness.Function<AddSuppression>().Run(FunctionHarness.Json("POST", "email=x"), default));
        var (_, activity) = FunctionHarness.Read(await harness.Function<ListActivity>().Run(FunctionHarness.Json("GET"), default));

        Assert.Equal((201, "DoNotContact", "anna@iom.example.org (api)"), (addStatus, added.GetProperty("reason").GetString(), added.GetProperty("addedBy").GetString()));
        Assert.Equal((200, added.GetProperty("contactId").GetString()), (findStatus, found[0].GetProperty("contactId").GetString()));
        Assert.DoesNotContain("outlet.example", Encoding.UTF8.GetString(export.FileContents), StringComparison.Ordinal);
        Assert.IsType<NoContentResult>(removed);
        Assert.Equal(404, againStatus);
        Assert.Equal(400, badStatus);
        Assert.StartsWith("The body is not JSON", bad.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(["suppression-remove", "suppression-add"], activity.EnumerateArray().Select(a => a.GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task The_delivery_report_and_its_csv_come_from_the_api_after_a_real_send_to_the_local_endpoint()
    {
        await harness.PutListAsync("media", "email,name\nj1@outlet.example,Journalist One\nj2@outlet.example,Journalist Two\n");
        var id = await CreateAsync("Sent and reported", "anna@iom.example.org", new Dictionary<string, string> { ["lists"] = "media", ["sendAt"] = "now", ["zone"] = "Asia/Almaty" });
        await harness.Function<ApproveRelease>().Run(FunctionHarness.Json("POST").As("boris@iom.example.org"), id, default);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var (status, report) = FunctionHarness.Read(await harness.Function<GetDeliveryReport>().Run(FunctionHarness.Json("GET"), id, default));
        var (_, hidden) = FunctionHarness.Read(await harness.Function<GetDeliveryReport>().Run(FunctionHarness.Json("GET", query: "?addresses=false"), id, default));
        var csv = Assert.IsType<FileContentResult>(await harness.Function<ExportDeliveryReport>().Run(FunctionHarness.Json("GET"), id, default));

        Assert.Equal(200, status);
        Assert.Equal("Sent", report.GetProperty("state").GetString());
        Assert.Equal(2, report.GetProperty("counts").GetProperty("accepted").GetInt32());
        Assert.Equal(["j1@outlet.example", "j2@outlet.example"], report.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("email").GetString()));
        Assert.All(hidden.GetProperty("recipients").EnumerateArray(), r => Assert.False(r.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String));
        Assert.Equal($"delivery-{id}.csv", csv.FileDownloadName);
        Assert.Contains("j1@outlet.example,Journalist One,,accepted", Encoding.UTF8.GetString(csv.FileContents), StringComparison.Ordinal);
        Assert.Equal(2, harness.Endpoint.DeliveredRecipients.Count());
    }
}
