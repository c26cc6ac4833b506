using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Results;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Recovery;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.StaffConsole.Pages;

/// <summary>
/// The releases list, the upload form, a release's page (preview, actions, history) and its delivery report. Every
/// action is one call to the operations service (<see cref="ReleaseOperations"/>, <see cref="ReleaseRecovery"/>,
/// <see cref="DeliveryReports"/>, <see cref="EmailPreview"/>, <see cref="PdfPagePreview"/>, <see cref="ReleaseAssets"/>); their sentences are what
/// staff read when one refuses. Translations and files go through the same calls as <c>POST /api/releases</c>,
/// <c>/translations</c> and <c>/assets</c>, so a refused one is named and the rest kept, as there.
/// </summary>
public sealed class ReleasePages(
    ReleaseOperations operations,
    ReleaseRecovery recovery,
    DeliveryReports reports,
    EmailPreview email,
    PdfPagePreview pdfPages,
    ReleaseStatusStore statuses,
    ReleaseBlobStore store,
    MediaListOperations lists,
    ReleaseApprovals approvals,
    ReleaseAssets assets,
    IOptions<PipelineOptions> pipeline,
    UploadLimits limits,
    TimeProvider time)
{
    private string StaffZone => pipeline.Value.DefaultTimeZone;

    public async Task ListAsync(ConsoleRequest request)
    {
        var summaries = await operations.ListAsync(100, request.Aborted);
        var values = request.Values(request.Label("releases_title"), "releases");
        values["staff_zone"] = StaffZone;
        values["releases"] = summaries.Select(s => new Dictionary<string, object?>
        {
            ["id"] = s.Id,
            ["title"] = s.Title ?? s.SourceName,
            ["state"] = s.State.ToString(),
            ["state_label"] = StateLabel(request, s.State),
            ["send_staff"] = ConsoleTimes.In(s.SendAt, StaffZone),
            ["send_release"] = s.TimeZoneId is null || s.TimeZoneId == StaffZone ? null : ConsoleTimes.In(s.SendAt, s.TimeZoneId),
            ["changed"] = ConsoleTimes.In(s.ChangedAt, StaffZone),
            ["lists"] = string.Join(", ", s.Lists),
            ["recipients"] = s.Distribution?.Recipients,
            ["suppressed"] = s.Distribution?.Suppressed,
            ["held"] = s.Held,
        }).ToList();
        await request.PageAsync("releases", values);
    }

    public async Task UploadFormAsync(ConsoleRequest request) =>
        await request.PageAsync("upload", await UploadValuesAsync(request, null, null));

    /// <summary>The upload form again with <paramref name="error"/> (a form too large to read: its fields are not known).</summary>
    public async Task UploadRefusedAsync(ConsoleRequest request, string error) =>
        await request.PageAsync("upload", await UploadValuesAsync(request, null, error), StatusCodes.Status413PayloadTooLarge);

    /// <summary>The release page with <paramref name="error"/> for one of its forms that was too large to read.</summary>
    public Task RefusedAsync(ConsoleRequest request, string id, string error) =>
        ShowAsync(request, id, error, StatusCodes.Status413PayloadTooLarge);

    public async Task UploadAsync(ConsoleRequest request)
    {
        var form = await request.Request.ReadFormAsync(request.Aborted);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            await request.PageAsync("upload", await UploadValuesAsync(request, form, request.Label("upload_no_file")), StatusCodes.Status400BadRequest);
            return;
        }

        // The form as a whole was read within the document's and the files' limits together; each document, and
        // the files together, are held to their own limit before anything is converted or stored.
        var tooLarge = Chosen(form, "file").Concat(Chosen(form, "translation")).Any(d => d.Length > limits.Document.Bytes) ? limits.Document
            : Chosen(form, "assets").Sum(f => f.Length) > limits.Files.Bytes ? limits.Files
            : null;
        if (tooLarge is not null)
        {
            await request.PageAsync("upload", await UploadValuesAsync(request, form, request.TooLarge(tooLarge)), StatusCodes.Status413PayloadTooLarge);
            return;
        }

        // As the API's "translation" field: the language is taken from each document. Each is copied out of the
        // form first: the form's file streams share one body stream and refuse to be read in turn while open.
        var translations = new List<VersionUpload>();
        foreach (var translation in Chosen(form, "translation"))
        {
            await using var stream = translation.OpenReadStream();
            translations.Add(new VersionUpload(translation.FileName, (await BinaryData.FromStreamAsync(stream, request.Aborted)).ToStream()));
        }

        IntakeResult result;
        try
        {
            await using var content = file.OpenReadStream();
            result = await operations.UploadAsync(content, file.FileName, Instructions(form), request.Actor, request.Aborted, translations);
        }
        catch (ReleaseProblemException problem)
        {
            await request.PageAsync("upload", await UploadValuesAsync(request, form, problem.Message), StatusCodeOf(problem.Kind));
            return;
        }
        finally
        {
            foreach (var translation in translations)
            {
                await translation.Content.DisposeAsync();
            }
        }

        if (result.Status.State is ReleaseState.Rejected or ReleaseState.Failed)
        {
            var sentence = result.Status.Reasons.FirstOrDefault() ?? ReleaseIntake.FailedSentence(result.ReleaseId);
            var status = result.Status.State == ReleaseState.Rejected ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status500InternalServerError;
            await request.PageAsync("upload", await UploadValuesAsync(request, form, sentence), status);
            return;
        }

        // Files go with the release once it exists; one refused by its bytes is named on the release page, the rest kept.
        IReadOnlyList<string> refused;
        try
        {
            refused = await AddAssetsAsync(request, result.ReleaseId, Chosen(form, "assets"));
        }
        catch (ReleaseProblemException problem) when (problem.Kind != ProblemKind.NotFound)
        {
            // A known document uploaded again whose release already went out takes no files: one sentence for all.
            refused = [problem.Message];
        }

        if (refused.Count > 0)
        {
            await ShowAsync(request, result.ReleaseId, null, StatusCodes.Status200OK, refused, "uploaded-with-refusals");
            return;
        }

        // Lists or times, and translations, that could not be used are shown on the release page (its instruction problems).
        await request.RedirectAsync($"/releases/{result.ReleaseId}", result.InstructionProblem is null ? (result.AlreadyKnown ? "known" : "uploaded") : "uploaded-not-scheduled");
    }

    public Task ShowAsync(ConsoleRequest request, string id) => ShowAsync(request, id, null, StatusCodes.Status200OK);

    /// <summary>A state-changing button on the release page. False for an action the page does not have.</summary>
    public async Task<bool> ActAsync(ConsoleRequest request, string id, string action)
    {
        var form = await request.Request.ReadFormAsync(request.Aborted);
        try
        {
            switch (action)
            {
                case "test-send":
                    // "language" empty (All versions) sends one message per version, as the API without it.
                    var result = await operations.TestSendAsync(id, TestAddresses(request, form), request.Actor, request.Aborted, ConsoleRequest.Field(form, "language"));
                    if (!result.Sent)
                    {
                        var sentence = result.Problems.FirstOrDefault() ?? request.Label("test_not_accepted");
                        await ShowAsync(request, id, sentence, StatusCodes.Status502BadGateway);
                        return true;
                    }

                    await request.RedirectAsync($"/releases/{id}", "test-sent");
                    return true;
                case "schedule":
                    await operations.ScheduleAsync(id, Instructions(form), request.Actor, request.Aborted);
                    break;
                case "cancel":
                    await operations.CancelAsync(id, request.Actor, request.Aborted);
                    break;
                case "approve":
                    await operations.ApproveAsync(id, request.Actor, request.Aborted);
                    break;
                case "resume":
                    await recovery.ResumeAsync(id, request.Actor, request.Aborted);
                    break;
                case "correct":
                    var file = form.Files.GetFile("file");
                    if (file is null || file.Length == 0)
                    {
                        await ShowAsync(request, id, request.Label("upload_no_file"), StatusCodes.Status400BadRequest);
                        return true;
                    }

                    await using (var content = file.OpenReadStream())
                    {
                        await operations.CorrectAsync(id, content, file.FileName, request.Actor, request.Aborted);
                    }

                    break;
                case "translate":
                    var translation = form.Files.GetFile("file");
                    if (translation is null || translation.Length == 0)
                    {
                        await ShowAsync(request, id, request.Label("upload_no_file"), StatusCodes.Status400BadRequest);
                        return true;
                    }

                    await using (var content = translation.OpenReadStream())
                    {
                        await operations.TranslateAsync(id, content, translation.FileName, ConsoleRequest.Field(form, "language"), request.Actor, request.Aborted);
                    }

                    break;
                case "assets":
                    var files = Chosen(form, "files");
                    if (files.Count == 0)
                    {
                        await ShowAsync(request, id, request.Label("assets_no_file"), StatusCodes.Status400BadRequest);
                        return true;
                    }

                    var refused = await AddAssetsAsync(request, id, files);
                    if (refused.Count > 0)
                    {
                        // Every file refused: nothing changed, as a 422; some added: the page says which were not.
                        var code = refused.Count == files.Count ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
                        await ShowAsync(request, id, null, code, refused, "assets-with-refusals");
                        return true;
                    }

                    break;
                default:
                    return false;
            }
        }
        catch (ReleaseProblemException problem) when (problem.Kind != ProblemKind.NotFound)
        {
            await ShowAsync(request, id, problem.Message, StatusCodeOf(problem.Kind));
            return true;
        }

        await request.RedirectAsync($"/releases/{id}", action);
        return true;
    }

    /// <summary>A stored variant of the release, shown inside the release page's frames (or opened on its own).</summary>
    public async Task PreviewAsync(ConsoleRequest request, string id, string variant)
    {
        var status = await statuses.RequireAsync(ReleaseId.Require(id), request.Aborted);
        if (variant == "email")
        {
            var name = request.Request.Query["name"].ToString() is { Length: > 0 } asked ? asked : request.Label("preview_sample_name");
            var mail = await email.PersonalAsync(status, name, request.Aborted);
            await request.FileAsync(Encoding.UTF8.GetBytes(mail.Html), "text/html; charset=utf-8", policy: ConsoleSecurity.PreviewPolicy);
            return;
        }

        var file = status.Files.FirstOrDefault(f => f.Variant == variant) ?? status.Files.FirstOrDefault(f => f.FileName == variant);
        var content = file is null ? null : await store.ReadAsync(status.Id, file.FileName, request.Aborted);
        if (file is null || content is null)
        {
            throw new ReleaseProblemException(ProblemKind.NotFound, request.Label("preview_missing", variant, status.Id));
        }

        // The PDF opens in the browser's own viewer, which a sandboxed policy would stop.
        var policy = file.Variant == "pdf" ? "default-src 'none'; frame-ancestors 'self'" : ConsoleSecurity.PreviewPolicy;
        await request.FileAsync(content.ToMemory(), file.ContentType, policy: policy);
    }

    /// <summary>
    /// File <paramref name="n"/> (from 1, in the manifest's order) that goes with the release, downloaded as it is
    /// stored (GPS already removed); named by index so any file name travels safely in the address.
    /// </summary>
    public async Task AssetAsync(ConsoleRequest request, string id, string n)
    {
        var manifest = await store.GetManifestAsync(ReleaseId.Require(id), request.Aborted);
        var asset = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && manifest is not null && index >= 1 && index <= manifest.Assets.Count
            ? manifest.Assets[index - 1]
            : null;
        var content = asset is null ? null : await store.ReadAsync(manifest!.Id, asset.Path, request.Aborted);
        if (asset is null || content is null)
        {
            throw new ReleaseProblemException(ProblemKind.NotFound, request.Label("preview_missing", n, id));
        }

        // RFC 6266: an ASCII fallback name and the real one (Cyrillic names are common here) as filename*.
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(asset.DisplayName());
        request.Context.Response.Headers.ContentDisposition = disposition.ToString();
        await request.FileAsync(content.ToMemory(), asset.ContentType);
    }

    /// <summary>The web page of one language version (the main version's is <c>preview/web</c>).</summary>
    public async Task PreviewVersionAsync(ConsoleRequest request, string id, string language)
    {
        var manifest = await store.GetManifestAsync(ReleaseId.Require(id), request.Aborted);
        var web = manifest?.VersionIn(language)?.FileOf("web");
        var content = web is null ? null : await store.ReadAsync(manifest!.Id, web.Path, request.Aborted);
        if (web is null || content is null)
        {
            throw new ReleaseProblemException(ProblemKind.NotFound, request.Label("preview_missing", language, id));
        }

        await request.FileAsync(content.ToMemory(), web.ContentType, policy: ConsoleSecurity.PreviewPolicy);
    }

    /// <summary>
    /// Page <paramref name="page"/> of the PDF as a PNG image, painted on request from the release's kept layout
    /// (<see cref="PdfPagePreview"/>); a page the PDF does not have is the not-found page. The image's ETag is the
    /// drawing's tag (version and shown release line); a browser that has it gets 304 and nothing is painted.
    /// </summary>
    public async Task PdfPageAsync(ConsoleRequest request, string id, string page)
    {
        if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new ReleaseProblemException(ProblemKind.NotFound, request.Label("preview_missing", "PDF page " + page, id));
        }

        var asked = request.Request.Query["v"].ToString();
        var tag = await pdfPages.TagAsync(id, request.Aborted);
        if (IsCached(request.Request, tag))
        {
            ConsoleSecurity.WriteHeaders(request.Context.Response, ConsoleSecurity.PagePolicy);
            request.Context.Response.Headers.CacheControl = PdfPageCaching(asked, tag);
            request.Context.Response.Headers.ETag = Quoted(tag);
            request.Context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var image = await pdfPages.PageAsync(id, number, request.Aborted);
        request.Context.Response.Headers.ETag = Quoted(image.Tag);
        await request.FileAsync(image.Png, "image/png", cacheControl: PdfPageCaching(asked, image.Tag));
    }

    // The release page's URLs name the drawing (?v=tag): a corrected or rescheduled release gets new URLs, so an image
    // fetched by its current URL may be kept a day. Without the tag, or with an old one, the browser must ask again
    // (and gets 304 while the drawing is unchanged).
    private static string PdfPageCaching(string asked, string tag) =>
        asked == tag ? "private, max-age=86400" : "private, no-cache";

    private static string Quoted(string tag) => "\"" + tag + "\"";

    private static bool IsCached(HttpRequest request, string tag)
    {
        var current = new EntityTagHeaderValue(Quoted(tag));
        return request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    // The page images of the release page, listed from the layout alone (count and size; none painted); none (the
    // PDF link stays) when its document can't be laid out again.
    private async Task<List<Dictionary<string, object?>>> PdfPagesAsync(ConsoleRequest request, ReleaseStatus status)
    {
        PdfPageList pages;
        try
        {
            pages = await pdfPages.ListAsync(status.Id, request.Aborted);
        }
        catch (ReleaseProblemException)
        {
            return [];
        }

        return [.. Enumerable.Range(1, pages.PageCount).Select(n => new Dictionary<string, object?>
        {
            ["n"] = n,
            ["v"] = pages.Tag,
            ["width"] = pages.Width,
            ["height"] = pages.Height,
            ["alt"] = request.Label("preview_pdf_page_alt", n, pages.PageCount),
        })];
    }

    public async Task ReportAsync(ConsoleRequest request, string id)
    {
        var report = await reports.BuildAsync(id, includeAddresses: true, null, request.Aborted);
        var values = request.Values(request.Label("report_title", report.Title ?? report.ReleaseId), "releases");
        var c = report.Counts;
        values["id"] = report.ReleaseId;
        values["release_title"] = report.Title ?? report.ReleaseId;
        values["state_label"] = StateLabel(request, report.State);
        values["lists"] = string.Join(", ", report.Lists);
        values["counts"] = new List<Dictionary<string, object?>>
        {
            Count(request, "count_recipients", c.Recipients), Count(request, "count_accepted", c.Accepted),
            Count(request, "count_delivered", c.Delivered), Count(request, "count_deferred", c.Deferred),
            Count(request, "count_bounced", c.Bounced), Count(request, "count_dropped", c.Dropped),
            Count(request, "count_opened", c.Opened), Count(request, "count_clicked", c.Clicked),
            Count(request, "count_unsubscribed", c.Unsubscribed), Count(request, "count_spam", c.SpamReported),
            Count(request, "count_suppressed", c.Suppressed), Count(request, "count_not_sent", c.NotSent),
            Count(request, "count_unknown", c.Unknown), Count(request, "count_failed", c.Failed),
        };
        values["timeline"] = report.Timeline.Select(h => new Dictionary<string, object?>
        {
            ["hour"] = ConsoleTimes.In(h.Hour, StaffZone),
            ["delivered"] = h.Delivered,
            ["opened"] = h.Opened,
            ["clicked"] = h.Clicked,
            ["bounced"] = h.Bounced,
        }).ToList();
        values["recipients"] = report.Recipients.Select(r => new Dictionary<string, object?>
        {
            ["email"] = r.Email ?? r.ContactId,
            ["name"] = r.Name,
            ["outlet"] = r.Outlet,
            ["sending"] = request.Label("sending_" + DeliveryReports.Name(r.Sending)),
            ["events"] = string.Join(", ", Events(request, r)),
        }).ToList();
        await request.PageAsync("report", values);
    }

    public async Task ReportCsvAsync(ConsoleRequest request, string id)
    {
        var report = await reports.BuildAsync(id, includeAddresses: true, null, request.Aborted);
        await request.FileAsync(DeliveryReports.ToCsv(report), "text/csv; charset=utf-8", $"{report.ReleaseId}-report.csv");
    }

    /// <summary>
    /// A conversion warning as the page lists it: the converter's sentence (English), where it is in the staff member's
    /// language, the paragraph's first words (document text, in the document's language; escaped by the template) and
    /// how many times it was raised there.
    /// </summary>
    private static Dictionary<string, object?> Warning(ConsoleRequest request, StatusWarning warning, string? releaseLanguage) => new()
    {
        ["code"] = warning.Code,
        ["message"] = warning.Message,
        ["version"] = warning.Language is { } language ? LanguageNames.Native(language) : null,
        ["where"] = warning.Location is { } location ? Where(request, location) : null,
        ["near"] = warning.Location?.Near,
        ["near_lang"] = warning.Language ?? releaseLanguage,
        ["times"] = warning.Count > 1 ? request.Label("warning_times", warning.Count) : null,
    };

    /// <summary>"table 2, row 3, cell 1, picture image2.png" in the page's language; near-text is shown apart.</summary>
    private static string Where(ConsoleRequest request, WarningLocation location)
    {
        // Places without a number: further occurrences, a page header or footer, the whole document.
        if (location.Kind is "elsewhere" or "header" or "footer" or "document")
        {
            return request.Label("warning_where_" + location.Kind);
        }

        if (location.Index is not int index || !WarningLocation.Kinds.Contains(location.Kind))
        {
            return location.Display;
        }

        if (location.Kind == "image")
        {
            return location.File is { } named ? $"{request.Label("warning_where_image", index)} ({named})" : request.Label("warning_where_image", index);
        }

        var parts = new List<string> { request.Label("warning_where_" + location.Kind, index) };
        if (location.Row is int row)
        {
            parts.Add(request.Label("warning_where_row", row));
        }

        if (location.Cell is int cell)
        {
            parts.Add(request.Label("warning_where_cell", cell));
        }

        if (location.File is { } file)
        {
            parts.Add(request.Label("warning_where_file", file));
        }

        return string.Join(", ", parts);
    }

    private async Task ShowAsync(ConsoleRequest request, string id, string? error, int statusCode, IReadOnlyList<string>? refused = null, string? done = null)
    {
        var view = await operations.GetAsync(id, request.Aborted);
        var status = view.Status;
        var zone = status.Plan?.TimeZoneId;
        var values = request.Values(status.Title ?? status.SourceName, "releases");
        values["id"] = status.Id;
        values["release_title"] = status.Title ?? status.SourceName;
        values["source"] = status.SourceName;
        values["state"] = status.State.ToString();
        values["state_label"] = StateLabel(request, status.State);
        values["version"] = status.Version;
        values["uploaded_by"] = status.UploadedBy is { } u ? $"{u.Name} ({request.Label("door_" + u.Door.ToString().ToLowerInvariant())})" : null;
        values["approved_by"] = status.Approval is { } a ? $"{a.By.Name}, {ConsoleTimes.In(a.At, StaffZone)}" : null;
        values["staff_zone"] = StaffZone;
        values["send_staff"] = ConsoleTimes.In(status.Plan?.SendAt, StaffZone);
        values["send_release"] = zone is null || zone == StaffZone ? null : ConsoleTimes.In(status.Plan?.SendAt, zone);
        values["publish_staff"] = ConsoleTimes.In(status.Plan?.PublishAt, StaffZone);
        values["publish_release"] = zone is null || zone == StaffZone ? null : ConsoleTimes.In(status.Plan?.PublishAt, zone);
        values["lists"] = string.Join(", ", status.Plan?.Lists ?? []);
        values["attach_pdf"] = status.Plan?.AttachPdf ?? false;
        values["recipients"] = status.Distribution?.Recipients;
        values["suppressed"] = status.Distribution?.Suppressed;
        values["held"] = status.Held;
        values["reasons"] = status.Reasons.ToList();
        values["warnings"] = status.Warnings.Select(w => Warning(request, w, status.Language)).ToList();
        values["instruction_problems"] = status.InstructionProblems.ToList();
        values["error"] = error;
        values["done"] = done is null ? request.Done : request.Label("done_" + done);
        values["refused"] = refused ?? [];
        values["history"] = status.History.Reverse().Select(h => new Dictionary<string, object?>
        {
            ["at"] = ConsoleTimes.In(h.At, StaffZone),
            ["state"] = StateLabel(request, h.State),
            ["message"] = h.Message,
            ["by"] = h.By?.Name,
            ["door"] = h.By is null ? null : request.Label("door_" + h.By.Door.ToString().ToLowerInvariant()),
        }).ToList();

        var files = status.Files.Select(f => f.Variant).ToHashSet(StringComparer.Ordinal);
        values["has_web"] = files.Contains("web");
        values["has_email"] = files.Contains("email");
        values["has_text"] = files.Contains("text");
        values["has_pdf"] = files.Contains("pdf");
        if (files.Contains("pdf"))
        {
            values["pdf_pages"] = await PdfPagesAsync(request, status);
        }

        if (files.Contains("email"))
        {
            var name = request.Label("preview_sample_name");
            var mail = await email.PersonalAsync(status, name, request.Aborted);
            values["email_subject"] = mail.Subject;
            values["email_from"] = mail.From;
            values["email_greeting"] = mail.Greeting;
            values["email_name_query"] = Uri.EscapeDataString(name);
        }

        if (status.Files.FirstOrDefault(f => f.Variant == "text") is { } text && await store.ReadAsync(status.Id, text.FileName, request.Aborted) is { } plain)
        {
            values["text"] = plain.ToString();
        }

        var manifest = await store.GetManifestAsync(status.Id, request.Aborted);
        values["versions"] = (manifest?.Versions ?? []).Select(v => new Dictionary<string, object?>
        {
            ["language"] = v.Language,
            ["name"] = LanguageNames.Native(v.Language),
            ["main"] = v.Main,
            ["title"] = v.Metadata.Title,
            ["preview"] = v.FileOf("web") is null ? null : v.Main ? "preview/web" : $"preview/{v.Language}/web",
        }).ToList();
        values["assets"] = (manifest?.Assets ?? []).Select((a, index) => new Dictionary<string, object?>
        {
            ["name"] = a.DisplayName(),
            ["n"] = index + 1,
            ["type"] = a.Label(),
            ["megabytes"] = AssetCheck.Megabytes(a.Size), // not "size": Liquid reads .size as the count of keys
        }).ToList();

        var started = status.State.HasStartedSending();
        values["can_schedule"] = status.State is ReleaseState.Converted or ReleaseState.Scheduled or ReleaseState.Cancelled;
        values["can_cancel"] = status.State is ReleaseState.Converted or ReleaseState.Scheduled;
        // Approval is asked for only where the two-person rule is on (Pipeline:RequireApproval).
        values["approval_required"] = approvals.Required;
        values["can_approve"] = approvals.Required && !started && status.State is not (ReleaseState.Rejected or ReleaseState.Failed or ReleaseState.Received) && status.Approval is null;
        values["can_resume"] = status.State == ReleaseState.PartlySent;
        values["can_correct"] = !started && status.State is not (ReleaseState.Rejected or ReleaseState.Received);
        // Where ReleaseVersions and ReleaseAssets accept them: before sending, on a converted release.
        values["can_translate"] = status.State is ReleaseState.Converted or ReleaseState.Scheduled && status.PublishedAt is null;
        values["can_add_assets"] = !started && manifest is not null && status.State is not (ReleaseState.Rejected or ReleaseState.Failed or ReleaseState.Received);
        values["translate_languages"] = new[] { "en", "ru", "kk" }.Select(l => new Dictionary<string, object?> { ["id"] = l, ["name"] = LanguageNames.Native(l) }).ToList();
        values["can_test"] = status.Files.Count > 0;
        // The test send's version picker: only worth showing when there is more than one version to choose from.
        values["test_languages"] = manifest is { Versions.Count: > 1 }
            ? manifest.Versions.Select(v => new Dictionary<string, object?> { ["id"] = v.Language, ["name"] = LanguageNames.Native(v.Language) }).ToList()
            : [];
        values["has_report"] = status.Distribution is not null || started;
        values["zones"] = ConsoleTimes.Options(time.GetUtcNow(), zone ?? StaffZone);
        values["plan_lists"] = string.Join(", ", status.Plan?.Lists ?? []);
        values["plan_send"] = view.SendAtLocal;
        values["plan_publish"] = view.PublishAtLocal;
        values["test_me"] = request.Actor.Name.Contains('@', StringComparison.Ordinal) ? request.Actor.Name : null;
        await request.PageAsync("release", values, statusCode);
    }

    private async Task<Dictionary<string, object?>> UploadValuesAsync(ConsoleRequest request, IFormCollection? form, string? error)
    {
        var values = request.Values(request.Label("upload_title"), "upload");
        string? Field(string name) => form is null ? null : ConsoleRequest.Field(form, name);
        values["error"] = error;
        values["lists"] = Field("lists");
        values["tags"] = Field("tags");
        values["send_at"] = Field("sendAt");
        values["publish_at"] = Field("publishAt");
        values["attach_pdf"] = Field("attachPdf") is "true" or "on";
        values["zones"] = ConsoleTimes.Options(time.GetUtcNow(), Field("zone") ?? StaffZone);
        values["known_lists"] = (await lists.ListAsync(request.Aborted)).Select(l => l.Name).ToList();
        values["max_mb"] = pipeline.Value.MaxUploadBytes / 1024 / 1024;
        return values;
    }

    /// <summary>The files chosen in one file input (a browser sends an empty part when none was chosen).</summary>
    private static List<IFormFile> Chosen(IFormCollection form, string field) =>
        [.. form.Files.GetFiles(field).Where(f => f.Length > 0)];

    /// <summary>Adds the files through the asset service; the sentences of the ones it did not add.</summary>
    private async Task<IReadOnlyList<string>> AddAssetsAsync(ConsoleRequest request, string id, IReadOnlyList<IFormFile> files)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var uploads = new List<AssetUpload>(files.Count);
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            uploads.Add(new AssetUpload(file.FileName, await BinaryData.FromStreamAsync(stream, request.Aborted)));
        }

        return (await assets.AddAsync(id, uploads, request.Actor, request.Aborted)).Refused;
    }

    private static ReleaseInstructions Instructions(IFormCollection form)
    {
        string? Field(string name) => ConsoleRequest.Field(form, name);
        return new ReleaseInstructions(
            ReleaseInstructions.SplitList(Field("lists")),
            ReleaseInstructions.SplitList(Field("tags")),
            Field("sendAt"),
            Field("publishAt"),
            Field("zone"),
            Field("attachPdf") is "true" or "on");
    }

    /// <summary>"Send to me" uses the signed-in address; otherwise the typed addresses, or none for the configured staff addresses.</summary>
    private static List<string> TestAddresses(ConsoleRequest request, IFormCollection form)
    {
        if (ConsoleRequest.Field(form, "to") == "me" && request.Actor.Name.Contains('@', StringComparison.Ordinal))
        {
            return [request.Actor.Name];
        }

        return [.. (ConsoleRequest.Field(form, "addresses") ?? "").Split([',', ';', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static IEnumerable<string> Events(ConsoleRequest request, RecipientReport r)
    {
        (bool On, string Key)[] events =
        [
            (r.Delivered, "count_delivered"), (r.Deferred, "count_deferred"), (r.Bounced, "count_bounced"), (r.Dropped, "count_dropped"),
            (r.Opened, "count_opened"), (r.Clicked, "count_clicked"), (r.Unsubscribed, "count_unsubscribed"), (r.SpamReported, "count_spam"),
        ];
        return events.Where(e => e.On).Select(e => request.Label(e.Key));
    }

    private static Dictionary<string, object?> Count(ConsoleRequest request, string key, int value) => new()
    {
        ["key"] = key,
        ["label"] = request.Label(key),
        ["value"] = value,
    };

    private static string StateLabel(ConsoleRequest request, ReleaseState state) => request.Label("state_" + state.ToString().ToLowerInvariant());

    public static int StatusCodeOf(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };
}
