using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering.Liquid;

/// <summary>
/// Parses each Liquid template once per template library and renders it. Templates are static data,
/// so a parsed template is shared by every render (Fluid templates are thread-safe to render).
/// </summary>
internal static class LiquidTemplates
{
    /// <summary>
    /// Encodes markup characters but keeps every letter as itself: Cyrillic and Kazakh stay readable and
    /// small instead of becoming numeric references (HtmlEncoder.Default would write "&amp;#x410;").
    /// </summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new();
    private static readonly ConcurrentDictionary<(string Library, string Name), IFluidTemplate> Parsed = new();

    /// <summary>Renders a template, HTML-encoding every value except those piped through <c>raw</c>.</summary>
    public static string RenderHtml(TemplateLibrary library, string name, IReadOnlyDictionary<string, object?> values) =>
        Get(library, name).Render(Context(values), Html);

    /// <summary>Renders a plain-text template; values are written as they are.</summary>
    public static string RenderText(TemplateLibrary library, string name, IReadOnlyDictionary<string, object?> values) =>
        Get(library, name).Render(Context(values), NullEncoder.Default);

    /// <summary>Parses a template now (it is parsed once per library either way).</summary>
    public static void Prepare(TemplateLibrary library, string name) => Get(library, name);

    private static TemplateContext Context(IReadOnlyDictionary<string, object?> values)
    {
        var context = new TemplateContext(Options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }

        return context;
    }

    private static IFluidTemplate Get(TemplateLibrary library, string name) =>
        Parsed.GetOrAdd((library.CacheKey, name), key =>
        {
            var source = library.Read(key.Name);
            return Parser.TryParse(source, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"The template '{key.Name}' is not valid Liquid: {error}");
        });
}
