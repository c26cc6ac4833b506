using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole.Pages;

namespace PressPipeline.StaffConsole;

/// <summary>
/// The staff console: every page and form under one root, handled from a plain <see cref="HttpContext"/> so both
/// hosts serve the same pages — the Functions app through one HTTP trigger (<c>/api/console/{*path}</c>, behind App
/// Service Authentication) and <c>presspipe serve</c> locally (<c>/console/{**path}</c>). Pages call the operations
/// service and nothing else; docs/console.md lists the pages, what each action calls, and the element ids the
/// browser tests rely on:
/// <c>#upload-form</c>, <c>#form-error</c>, <c>#releases-table</c>, <c>#release-state</c>, <c>#release-history</c>,
/// <c>#warnings</c>, <c>#test-send-form</c>, <c>#schedule-form</c>, <c>#approve-form</c>, <c>#cancel-form</c>,
/// <c>#resume-form</c>, <c>#correct-form</c>, <c>#done</c>, <c>#report-counts</c>, <c>#report-recipients</c>,
/// <c>#lists-table</c>, <c>#list-form</c>, <c>#list-problems</c>, <c>#suppressions-table</c>, <c>#suppression-form</c>.
/// </summary>
public sealed class StaffConsoleApp(
    IOptions<StaffConsoleOptions> options,
    StaffSignIn signIn,
    ConsoleSecurity security,
    ConsoleLabels labels,
    ConsoleView view,
    ReleasePages releases,
    ListPages lists,
    SuppressionPages suppressions,
    UploadLimits limits,
    ILogger<StaffConsoleApp> logger)
{
    /// <param name="context">The request, as the host received it.</param>
    /// <param name="path">The part of the URL path after the console's root: "", "/upload", "/releases/abc".</param>
    public async Task HandleAsync(HttpContext context, string path)
    {
        path = "/" + (path ?? "").Trim('/');
        var basePath = BasePathOf(context, path);
        var language = ConsoleLabels.Choose(context);
        var words = labels.For(language);

        if (path.StartsWith("/assets/", StringComparison.Ordinal))
        {
            await ConsoleAssets.ServeAsync(context, path["/assets/".Length..]);
            return;
        }

        if (signIn.ActorOf(context.Request, Door.Page) is not { } actor)
        {
            // In Azure App Service Authentication puts the principal on every request it lets through: none means
            // sign-in is switched off or bypassed, and nobody may act without a name.
            var anonymous = new ConsoleRequest(context, Actor.Of("anonymous", Door.Page), language, words, basePath, "", view);
            await anonymous.PageAsync("message", Message(anonymous, "signin_title", "signin_text"), StatusCodes.Status401Unauthorized);
            return;
        }

        var request = new ConsoleRequest(context, actor, language, words, basePath, security.TokenFor(actor.Name), view);
        var method = context.Request.Method;
        var limit = LimitOf(path);
        UploadLimit? tooLarge = null;
        bool genuine;
        try
        {
            genuine = !HttpMethods.IsPost(method) || await IsGenuineFormAsync(context, actor, limit);
        }
        catch (ReleaseProblemException problem) when (problem.Kind == ProblemKind.TooLarge)
        {
            // Past the route's limit: the body was not read on and nothing is done, so the form's page can say why
            // without the token (which is inside the unread form).
            (genuine, tooLarge) = (true, limit);
        }

        if (!genuine)
        {
            await request.PageAsync("message", Message(request, "forbidden_title", "forbidden_text"), StatusCodes.Status403Forbidden);
            return;
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsPost(method))
        {
            context.Response.Headers.Allow = "GET, HEAD, POST";
            await request.PageAsync("message", Message(request, "not_found_title", "not_found_text"), StatusCodes.Status405MethodNotAllowed);
            return;
        }

        try
        {
            if (tooLarge is not null)
            {
                await RefuseTooLargeAsync(request, path, tooLarge);
                return;
            }

            if (!await RouteAsync(request, path, HttpMethods.IsPost(method)))
            {
                await request.PageAsync("message", Message(request, "not_found_title", "not_found_text"), StatusCodes.Status404NotFound);
            }
        }
        catch (ReleaseProblemException problem) when (problem.Kind == ProblemKind.NotFound && !context.Response.HasStarted)
        {
            var values = request.Values(request.Label("not_found_title"), "");
            values["heading"] = request.Label("not_found_title");
            values["text"] = problem.Message;
            await request.PageAsync("message", values, StatusCodes.Status404NotFound);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not ReleaseProblemException && !context.Response.HasStarted)
        {
            logger.LogError(e, "The staff console failed on {Path}", path);
            await request.PageAsync("message", Message(request, "error_title", "error_text"), StatusCodes.Status500InternalServerError);
        }
    }

    private Task<bool> RouteAsync(ConsoleRequest request, string path, bool post)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (parts, post) switch
        {
            ([], false) => Handled(releases.ListAsync(request)),
            (["upload"], false) => Handled(releases.UploadFormAsync(request)),
            (["upload"], true) => Handled(releases.UploadAsync(request)),
            (["releases", var id], false) => Handled(releases.ShowAsync(request, id)),
            (["releases", var id, "preview", "pdf-page", var n], false) => Handled(releases.PdfPageAsync(request, id, n)),
            (["releases", var id, "preview", var variant], false) => Handled(releases.PreviewAsync(request, id, variant)),
            (["releases", var id, "preview", "images", var image], false) => Handled(releases.PreviewAsync(request, id, "images/" + image)),
            (["releases", var id, "preview", var language, "web"], false) => Handled(releases.PreviewVersionAsync(request, id, language)),
            (["releases", var id, "preview", var language, "images", var image], false) => Handled(releases.PreviewAsync(request, id, $"{language}/images/{image}")),
            (["releases", var id, "files", var n], false) => Handled(releases.AssetAsync(request, id, n)),
            (["releases", var id, "report"], false) => Handled(releases.ReportAsync(request, id)),
            (["releases", var id, "report.csv"], false) => Handled(releases.ReportCsvAsync(request, id)),
            (["releases", var id, var action], true) => releases.ActAsync(request, id, action),
            (["lists"], false) => Handled(lists.ShowAsync(request)),
            (["lists"], true) => Handled(lists.UploadAsync(request)),
            (["lists", var file], false) when file.EndsWith(".csv", StringComparison.Ordinal) => Handled(lists.DownloadAsync(request, file[..^4])),
            (["lists", var list, "replace"], true) => Handled(lists.ReplaceAsync(request, list)),
            (["lists", var list, "delete"], true) => Handled(lists.DeleteAsync(request, list)),
            (["suppressions"], false) => Handled(suppressions.ShowAsync(request)),
            (["suppressions"], true) => Handled(suppressions.AddAsync(request)),
            (["suppressions", "remove"], true) => Handled(suppressions.RemoveAsync(request)),
            (["suppressions.csv"], false) => Handled(suppressions.ExportAsync(request)),
            _ => Task.FromResult(false),
        };
    }

    /// <summary>How much each form may carry: the upload form a document with its translations and files, a list, files, or a small form.</summary>
    private UploadLimit LimitOf(string path) => path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries) switch
    {
        ["upload"] => limits.Release,
        ["releases", _, "correct" or "translate"] => limits.Document,
        ["releases", _, "assets"] => limits.Files,
        ["lists"] or ["lists", _, "replace"] => limits.List,
        _ => limits.Form,
    };

    /// <summary>The page of the refused form again, its sentence in <c>#form-error</c> in the page's language, with 413.</summary>
    private Task RefuseTooLargeAsync(ConsoleRequest request, string path, UploadLimit limit)
    {
        var sentence = request.TooLarge(limit);
        return path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries) switch
        {
            ["upload"] => releases.UploadRefusedAsync(request, sentence),
            ["releases", var id, _] => releases.RefusedAsync(request, id, sentence),
            ["lists", ..] => lists.RefusedAsync(request, sentence),
            _ => request.PageAsync("message", MessageText(request, "too_large_title", sentence), StatusCodes.Status413PayloadTooLarge),
        };
    }

    private static async Task<bool> Handled(Task page)
    {
        await page;
        return true;
    }

    /// <summary>
    /// Same origin and a token this app issued to this staff member; the form is read here once, within the route's
    /// limit (ASP.NET caches it for the page). Past the limit a TooLarge problem is thrown.
    /// </summary>
    private async Task<bool> IsGenuineFormAsync(HttpContext context, Actor actor, UploadLimit limit)
    {
        if (!ConsoleSecurity.IsSameOrigin(context.Request) || !context.Request.HasFormContentType)
        {
            return false;
        }

        var form = await UploadBody.ReadFormAsync(context.Request, limit, context.RequestAborted);
        return security.IsValidToken(form[ConsoleSecurity.TokenField].ToString(), actor.Name);
    }

    private string BasePathOf(HttpContext context, string path)
    {
        if (options.Value.BasePath is { } configured)
        {
            return configured.TrimEnd('/');
        }

        var full = (context.Request.PathBase + context.Request.Path).Value ?? "";
        full = full.TrimEnd('/');
        return path.Length > 1 && full.EndsWith(path, StringComparison.Ordinal) ? full[..^path.Length] : full;
    }

    private static Dictionary<string, object?> Message(ConsoleRequest request, string titleKey, string textKey) =>
        MessageText(request, titleKey, request.Label(textKey));

    private static Dictionary<string, object?> MessageText(ConsoleRequest request, string titleKey, string text)
    {
        var values = request.Values(request.Label(titleKey), "");
        values["heading"] = request.Label(titleKey);
        values["text"] = text;
        return values;
    }
}
