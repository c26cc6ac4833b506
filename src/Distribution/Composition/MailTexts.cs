namespace PressPipeline.Distribution.Composition;

/// <summary>The few words we add around the release, in the release's language (English otherwise).</summary>
internal sealed record MailTexts(
    string GreetingWithName,
    string GreetingWithoutName,
    string ReadOnline,
    string DownloadPdf,
    string WhyYouGetThis,
    string Unsubscribe)
{
    private static readonly MailTexts English = new(
        "Dear {0},", "Dear colleague,", "Read online", "Download the PDF",
        "You receive this press release because you are on our media list.", "Unsubscribe");

    private static readonly Dictionary<string, MailTexts> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = English,
        ["ru"] = new("Здравствуйте, {0}!", "Здравствуйте!", "Читать онлайн", "Скачать PDF",
            "Вы получили этот пресс-релиз, потому что вы в нашем списке СМИ.", "Отписаться"),
        ["kk"] = new("Сәлеметсіз бе, {0}!", "Сәлеметсіз бе!", "Онлайн оқу", "PDF жүктеу",
            "Сіз бұл баспасөз релизін біздің БАҚ тізімінде болғандықтан алдыңыз.", "Жазылымнан бас тарту"),
    };

    public static MailTexts For(string language) =>
        ByLanguage.GetValueOrDefault(Contacts.ContactListReader.PrimaryLanguage(language), English);
}
