namespace PressPipeline.Distribution.Composition;

/// <summary>
/// Per-recipient placeholders SendGrid replaces in the shared body (legacy substitutions keep one copy of the
/// HTML per request instead of one per recipient). HTML and text get separately escaped values.
/// </summary>
public static class Substitutions
{
    public const string GreetingHtml = "-pp-greeting-html-";
    public const string GreetingText = "-pp-greeting-text-";
    public const string UnsubscribeUrl = "-pp-unsubscribe-url-";

    public static string Apply(string template, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return template;
        }

        foreach (var (key, value) in values)
        {
            template = template.Replace(key, value, StringComparison.Ordinal);
        }

        return template;
    }
}
