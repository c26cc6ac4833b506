using System.Text.RegularExpressions;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Manifest;

/// <summary>Finds the first e-mail address in the release's media-contacts block, for the reply-to.</summary>
internal static partial class ContactEmail
{
    public static string? Find(Section? contacts) =>
        contacts is null ? null : contacts.Blocks.SelectMany(Inlines).Select(FromInline).FirstOrDefault(e => e is not null);

    private static string? FromInline(Inline inline) => inline switch
    {
        Hyperlink { Target.Scheme: "mailto" } link => link.Target.OriginalString["mailto:".Length..].Split('?')[0],
        Text text when Address().Match(text.Value) is { Success: true } m => m.Value,
        _ => null,
    };

    private static IEnumerable<Inline> Inlines(Block block) => block switch
    {
        Paragraph p => Flatten(p.Content),
        Heading h => Flatten(h.Content),
        BlockQuote q => q.Blocks.SelectMany(Inlines),
        ListBlock l => l.Items.SelectMany(i => i.Blocks).SelectMany(Inlines),
        Table t => t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Blocks).SelectMany(Inlines),
        _ => [],
    };

    private static IEnumerable<Inline> Flatten(IEnumerable<Inline> inlines) =>
        inlines.SelectMany(i => i is Hyperlink h ? Flatten(h.Content).Prepend(h) : [i]);

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Address();
}
