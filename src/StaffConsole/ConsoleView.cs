using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using PressPipeline.Templates;

namespace PressPipeline.StaffConsole;

/// <summary>
/// Renders the console's Liquid templates (<c>src/Templates/console/*.liquid</c>): a page's own template, then the
/// layout around it. Values are dictionaries, lists and strings built by the page handlers, so Fluid needs no
/// reflection; every value is HTML-encoded unless piped through <c>raw</c> (only the rendered page body is).
/// </summary>
public sealed class ConsoleView(TemplateLibrary templates)
{
    /// <summary>Keeps Cyrillic and Kazakh letters as themselves instead of numeric references.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> parsed = new(StringComparer.Ordinal);

    /// <summary>The whole page: <c>console/{page}.liquid</c> inside <c>console/layout.liquid</c>.</summary>
    public string Render(string page, Dictionary<string, object?> values)
    {
        var context = Context(values);
        var body = Get($"console/{page}.liquid").Render(context, Html);
        context.SetValue("content", body);
        return Get("console/layout.liquid").Render(context, Html);
    }

    private static TemplateContext Context(Dictionary<string, object?> values)
    {
        var context = new TemplateContext(Options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }

        return context;
    }

    private IFluidTemplate Get(string name) =>
        parsed.GetOrAdd(name, key => Parser.TryParse(templates.Read(key), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The console template '{key}' is not valid Liquid: {error}"));
}
