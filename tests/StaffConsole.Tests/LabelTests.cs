using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using PressPipeline.StaffConsole.Tests.Support;
using PressPipeline.Templates;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>The console speaks English, Russian and Kazakh, and no word is missing in any of them.</summary>
public sealed partial class LabelTests
{
    private static readonly ConsoleLabels Labels = new(TemplateLibrary.Embedded);

    [Fact]
    public void Every_label_exists_in_all_three_languages()
    {
        Assert.Equal(["en", "kk", "ru"], Labels.All.Keys.Order(StringComparer.Ordinal));
        var english = Labels.All["en"].Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (language, labels) in Labels.All)
        {
            Assert.Empty(english.Except(labels.Keys).Select(k => $"{language} lacks {k}"));
            Assert.Empty(labels.Keys.Except(english).Select(k => $"{language} has {k}, which English lacks"));
            Assert.Empty(labels.Where(l => string.IsNullOrWhiteSpace(l.Value)).Select(l => $"{language}.{l.Key} is empty"));
        }
    }

    [Fact]
    public void Russian_and_Kazakh_are_written_in_Cyrillic_and_Kazakh_uses_its_own_letters()
    {
        var kazakh = string.Concat(Labels.All["kk"].Values);
        foreach (var letter in "әғқңөұүі")
        {
            Assert.Contains(letter, kazakh);
        }

        Assert.Matches(Cyrillic(), Labels.All["ru"]["upload_title"]);
        Assert.NotEqual(Labels.All["ru"]["upload_title"], Labels.All["kk"]["upload_title"]);
    }

    [Fact]
    public void Every_label_a_template_uses_exists()
    {
        var used = TemplateLibrary.EmbeddedNames.Where(n => n.StartsWith("console/", StringComparison.Ordinal) && n.EndsWith(".liquid", StringComparison.Ordinal))
            .SelectMany(n => LabelUse().Matches(TemplateLibrary.Embedded.Read(n)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(used.Count > 50, $"Only {used.Count} labels found in the console templates.");
        var missing = used.Where(k => !Labels.All["en"].ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Labels used but not defined: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("ru-RU,ru;q=0.9,en;q=0.5", "ru", "Релизы")]
    [InlineData("kk-KZ,kk;q=0.9", "kk", "Релиздер")]
    [InlineData("de-DE,fr;q=0.8", "en", "Releases")]
    public async Task The_browser_language_chooses_the_page_language(string acceptLanguage, string lang, string heading)
    {
        await using var console = await ConsoleClient.StartAsync();
        console.Headers["Accept-Language"] = acceptLanguage;

        var page = await console.GetAsync("");

        Assert.Equal(lang, page.Page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.Page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_switch_chooses_the_language_and_remembers_it_in_a_strict_cookie()
    {
        await using var console = await ConsoleClient.StartAsync();
        console.Headers["Accept-Language"] = "en";

        var page = await console.GetAsync("/upload?lang=kk");

        Assert.Equal("kk", page.Page.DocumentElement.GetAttribute("lang"));
        var cookie = page.Headers.SetCookie.ToString();
        Assert.Contains("console-lang=kk", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(StatusCodes.Status200OK, page.Status);
    }

    [GeneratedRegex(@"^[\p{IsCyrillic}\s]+$")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\bt\.([a-z0-9_]+)")]
    private static partial Regex LabelUse();
}
