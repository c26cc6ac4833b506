using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.StaffConsole;

/// <summary>One request to the console: who asks, in which language, under which base path, and how to answer.</summary>
public sealed class ConsoleRequest(HttpContext context, Actor actor, string language, IReadOnlyDictionary<string, string> labels, string basePath, string token, ConsoleView view)
{
    public HttpContext Context { get; } = context;

    public HttpRequest Request => Context.Request;

    public CancellationToken Aborted => Context.RequestAborted;

    /// <summary>The signed-in staff member, with <see cref="Door.Page"/>.</summary>
    public Actor Actor { get; } = actor;

    public string Language { get; } = language;

    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    /// <summary>The console's root path without a trailing slash ("/console", "/api/console").</summary>
    public string BasePath { get; } = basePath;

    public string Label(string key) => Labels.TryGetValue(key, out var text) ? text : key;

    /// <summary>A label with placeholders {0}, {1} filled in.</summary>
    public string Label(string key, params object[] values) => string.Format(CultureInfo.InvariantCulture, Label(key), values);

    /// <summary>The values every page template gets: labels, language switch, base path, form token, actor.</summary>
    public Dictionary<string, object?> Values(string title, string section) => new()
    {
        ["t"] = Labels,
        ["lang"] = Language,
        ["base"] = BasePath,
        ["token"] = token,
        ["token_field"] = ConsoleSecurity.TokenField,
        ["actor"] = Actor.Name,
        ["title"] = title,
        ["section"] = section,
        ["languages"] = ConsoleLabels.Languages.Select(code => new Dictionary<string, object?>
        {
            ["code"] = code,
            ["name"] = Label("language_" + code),
            ["current"] = code == Language,
        }).ToList(),
    };

    public async Task PageAsync(string page, Dictionary<string, object?> values, int status = StatusCodes.Status200OK)
    {
        var html = view.Render(page, values);
        ConsoleSecurity.WriteHeaders(Context.Response, ConsoleSecurity.PagePolicy);
        Context.Response.StatusCode = status;
        Context.Response.ContentType = "text/html; charset=utf-8";
        await Context.Response.WriteAsync(html, Encoding.UTF8, Aborted);
    }

    /// <summary>After a successful POST: 303 to the page that shows the result (so a reload does not repeat it).</summary>
    public Task RedirectAsync(string relative, string? done = null)
    {
        ConsoleSecurity.WriteHeaders(Context.Response, ConsoleSecurity.PagePolicy);
        Context.Response.StatusCode = StatusCodes.Status303SeeOther;
        Context.Response.Headers.Location = BasePath + relative + (done is null ? "" : (relative.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "done=" + Uri.EscapeDataString(done));
        return Task.CompletedTask;
    }

    /// <param name="cacheControl">Replaces the console's <c>no-store</c> for a response the browser may keep a while.</param>
    public async Task FileAsync(ReadOnlyMemory<byte> content, string contentType, string? downloadName = null, string policy = ConsoleSecurity.PagePolicy, string? cacheControl = null)
    {
        ConsoleSecurity.WriteHeaders(Context.Response, policy);
        if (cacheControl is not null)
        {
            Context.Response.Headers.CacheControl = cacheControl;
        }

        Context.Response.StatusCode = StatusCodes.Status200OK;
        Context.Response.ContentType = contentType;
        if (downloadName is not null)
        {
            Context.Response.Headers.ContentDisposition = $"attachment; filename=\"{downloadName}\"";
        }

        await Context.Response.Body.WriteAsync(content, Aborted);
    }

    /// <summary>The success message named by <c>?done=</c> after a redirect, in the page's language.</summary>
    public string? Done => Request.Query["done"].ToString() is { Length: > 0 } done && Labels.TryGetValue("done_" + done, out var text) ? text : null;

    /// <summary>The refusal of an upload past <paramref name="limit"/> in the page's language, with the limit in its units ("50 МБ").</summary>
    public string TooLarge(UploadLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var (amount, unit) = limit.SizeParts;
        return Label(limit.LabelKey, $"{amount.ToString(CultureInfo.InvariantCulture)} {Label("unit_" + unit.ToLowerInvariant())}");
    }

    /// <summary>A form field, trimmed; null when empty.</summary>
    public static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
}
