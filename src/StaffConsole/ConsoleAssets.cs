using System.Text;
using Microsoft.AspNetCore.Http;
using PressPipeline.Templates;

namespace PressPipeline.StaffConsole;

/// <summary>The console's style sheet and script, embedded in the templates assembly (<c>src/Templates/console/assets</c>).</summary>
public static class ConsoleAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["console.css"] = "text/css; charset=utf-8",
        ["console.js"] = "text/javascript; charset=utf-8",
    };

    public static async Task ServeAsync(HttpContext context, string name)
    {
        ConsoleSecurity.WriteHeaders(context.Response, ConsoleSecurity.PagePolicy);
        if (!Types.TryGetValue(name, out var type))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Assets change only with a deployment; an hour of caching spares every page view a request.
        context.Response.Headers.CacheControl = "private, max-age=3600";
        context.Response.ContentType = type;
        await context.Response.WriteAsync(TemplateLibrary.Embedded.Read("console/assets/" + name), Encoding.UTF8, context.RequestAborted);
    }
}
