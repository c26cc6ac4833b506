using PressPipeline.Samples;
using static PressPipeline.Samples.WordWriter;

// Regenerates the sample releases: dotnet run --project samples/SampleBuilder [-- <output folder>]
var output = args.Length > 0 ? args[0] : Path.Combine(FindSamplesFolder(), ".");
Directory.CreateDirectory(output);
var picture = RoutesPicture.Draw();

EnglishSample.Write(Path.Combine(output, "iom-roundtable-2014.docx"), picture);
RussianSample.Write(Path.Combine(output, "mom-kruglyi-stol-2014-ru.docx"), picture);
ReportSample.Write(Path.Combine(output, "report-60-chapters.docx"));
Console.WriteLine($"Samples written to {Path.GetFullPath(output)}");

static string FindSamplesFolder()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PressPipeline.sln")))
    {
        directory = directory.Parent;
    }

    return directory is null ? "." : Path.Combine(directory.FullName, "samples");
}

/// <summary>Word's built-in English names of the styles the samples use, by style id.</summary>
internal static class EnglishStyles
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["Title"] = "Title",
        ["Subtitle"] = "Subtitle",
        ["Heading1"] = "heading 1",
        ["Heading2"] = "heading 2",
        ["Quote"] = "Quote",
    };
}

/// <summary>The IOM Astana roundtable release (shared/seed/iom-roundtable-2014.txt) in Word's structure.</summary>
internal static class EnglishSample
{
    public static void Write(string path, byte[] picture)
    {
        var doc = new WordWriter("en-GB", EnglishStyles.Names);

        doc.Paragraph("Normal", Run("EMBARGOED UNTIL 22 May 2014, 11:30 Astana time", "<w:b/><w:caps/>"))
            .Paragraph("Title", Run("IOM Roundtable “Migration and Development in the Customs’ Union”"))
            .Paragraph("Subtitle", Run("2014 Astana Economic Forum · 22 May 2014, 11:30–13:00"))
            .Paragraph(
                "Normal",
                Run("Astana, May 14, 2014 – On May 22nd 2014 the International Organization for Migration (IOM) Central Asian Coordination Office organizes, under the auspices of the 2014 VII Astana Economic Forum"),
                doc.Footnote("The VII Astana Economic Forum takes place in Astana on 21–23 May 2014."),
                Run(", a Roundtable on “Migration and Development in the Customs’ Union”."))
            .Paragraph("Normal", Run("The Roundtable aims to raise awareness at the policy level about recent trends and provide policymakers the opportunity to discuss Governments’, IOM’s and private sector’s experience in facilitating labour migration in order to maximize the development potential of South-South migration."))
            .Paragraph("Normal", Run("Migration and development are highly interdependent processes. Development is a dynamic process implying growth, advancement, empowerment and progress, with the goal of increasing human capabilities, enlarging the scope of human choices, and creating a safe and secure environment where citizens can live with dignity and equality. Maximizing the positive relationship between migration and development has long been a focus of IOM’s work."))
            .Paragraph("Quote", Run("“Migration and development is a key priority in Central Asia and neighbouring countries, especially given the large scale of labour mobility in the region.”"))
            .Paragraph("Normal", Run("Kazakhstan is a country of transit, origin and destination in Central Asia and the wider CIS region; in the axis of South-South migratory movements the corridor "), Run("Kazakhstan to Russian Federation, and vice versa", "<w:i/>"), Run(" is considered to be a major one. Cooperation frameworks together with policies that are well designed and can respond to labour market needs are necessary for the region to remain competitive and continue to grow."))
            .Picture(picture, "Map-style illustration: routes from Astana to other capitals of the Customs Union", 360, 180)
            .Paragraph("Heading1", Run("Key issues"))
            .Paragraph("Normal", Run("Key issues to be addressed will evolve around, but not be limited, to the following areas:"))
            .ListItem(1, 0, Run("Recent labour migration trends in the Customs Union"))
            .ListItem(1, 1, Run("the corridor Kazakhstan – Russian Federation"))
            .ListItem(1, 1, Run("South-South migration in Central Asia"))
            .ListItem(1, 0, Run("Remittances and the development potential of migration"))
            .ListItem(1, 0, Run("Partnerships between governments, IOM and the "), Run("private sector", "<w:b/>"))
            .Paragraph("Heading1", Run("Agenda"))
            .Table(
                [1800, 4600, 3200],
                ["Time", "Session", "Speaker"],
                ["11:30–11:40", "Opening remarks", "IOM Chief of Mission"],
                ["11:40–12:30", "Migration and development in the Customs’ Union", "Government and private-sector panel"],
                ["12:30–13:00", "Discussion and recommendations", "All participants"])
            .Paragraph("Heading1", Run("IOM’s role in Central Asia"))
            .Paragraph("Normal", Run("The IOM Central Asia Coordination Office is based in Astana, with an additional office operating in Almaty, Kazakhstan. IOM in Central Asia was established in 1992 and works closely with national governments, policy makers, civil society, academic institutes, and the private sector to address migration management issues."))
            .Paragraph("Normal", Run("To achieve this vision and fulfil IOM’s mandate to promote humane and orderly migration management, the following objectives have been defined:"))
            .ListItem(2, 0, Run("Support governments in developing migration policies and legislation"))
            .ListItem(2, 0, Run("Facilitate labour migration and protect the rights of migrant workers"))
            .ListItem(2, 1, Run("pre-departure orientation"))
            .ListItem(2, 1, Run("migrant resource centres"))
            .ListItem(2, 0, Run("Maximize the potential of migration to contribute to development and economic growth"))
            .Paragraph("Normal", Run("More information: "), doc.Link("https://www.iom.int/", "www.iom.int"), Run(" and "), doc.Link("https://www.iom.kz/", "www.iom.kz"), Run("."))
            .Centered("Normal", Run("###"))
            .Paragraph("Heading2", Run("About IOM"))
            .Paragraph("Normal", Run("An intergovernmental organization established in 1951, IOM is committed to the principle that humane and orderly migration benefits migrants and society. IOM has 155 field locations and more than 8,400 staff working on more than 2,600 projects, with an estimated USD 1.3 billion total expenditure in 2013."))
            .Paragraph("Heading2", Run("Media contacts"))
            .Paragraph("Normal", Run("Aliya Example, Communications Officer, IOM Central Asia Coordination Office", "<w:b/>"))
            .Paragraph("Normal", Run("E-mail: "), doc.Link("mailto:press@example.org", "press@example.org"), Run(" · Tel.: "), doc.Link("tel:+77172000000", "+7 7172 00 00 00"));

        doc.Save(path, "IOM Roundtable “Migration and Development in the Customs’ Union”", "IOM Central Asia Coordination Office (sample)", new DateTime(2014, 5, 14, 9, 0, 0, DateTimeKind.Utc));
    }
}

/// <summary>A short Russian release with Russian style names, built from the same seed.</summary>
internal static class RussianSample
{
    public static void Write(string path, byte[] picture)
    {
        var doc = new WordWriter("ru-RU", new Dictionary<string, string>
        {
            ["Title"] = "Название",
            ["Subtitle"] = "Подзаголовок",
            ["Heading1"] = "Заголовок 1",
            ["Heading2"] = "Заголовок 2",
            ["Quote"] = "Цитата",
        });

        doc.Paragraph("Normal", Run("Под эмбарго до 22 мая 2014 г., 11:30 по времени Астаны", "<w:b/>"))
            .Paragraph("Title", Run("Круглый стол МОМ «Миграция и развитие в Таможенном союзе»"))
            .Paragraph("Subtitle", Run("Астанинский экономический форум 2014 · 22 мая 2014 г., 11:30–13:00"))
            .Paragraph(
                "Normal",
                Run("Астана, 14 мая 2014 г. — 22 мая 2014 года Координационное бюро Международной организации по миграции (МОМ) для Центральной Азии проводит в рамках VII Астанинского экономического форума"),
                doc.Footnote("VII Астанинский экономический форум проходит 21–23 мая 2014 года."),
                Run(" круглый стол «Миграция и развитие в Таможенном союзе»."))
            .Paragraph("Normal", Run("Цель круглого стола — привлечь внимание лиц, принимающих решения, к последним тенденциям и обсудить опыт правительств, МОМ и частного сектора в содействии трудовой миграции."))
            .Picture(picture, "Иллюстрация: маршруты из Астаны в другие столицы Таможенного союза", 360, 180)
            .Paragraph("Heading1", Run("Ключевые вопросы"))
            .ListItem(1, 0, Run("Тенденции трудовой миграции в Таможенном союзе"))
            .ListItem(1, 1, Run("коридор Казахстан — Российская Федерация"))
            .ListItem(1, 0, Run("Денежные переводы и потенциал миграции для развития"))
            .Paragraph("Normal", Run("Подробнее: "), doc.Link("https://www.iom.kz/", "www.iom.kz"))
            .Centered("Normal", Run("###"))
            .Paragraph("Heading2", Run("О МОМ"))
            .Paragraph("Normal", Run("Межправительственная организация, основанная в 1951 году, МОМ придерживается принципа, что гуманная и упорядоченная миграция приносит пользу мигрантам и обществу."))
            .Paragraph("Heading2", Run("Контакты для СМИ"))
            .Paragraph("Normal", Run("Алия Пример, специалист по коммуникациям, МОМ в Астане"))
            .Paragraph("Normal", Run("Эл. почта: "), doc.Link("mailto:press@example.org", "press@example.org"), Run(" · Тел.: +7 7172 00 00 00"));

        doc.Save(path, "Круглый стол МОМ «Миграция и развитие в Таможенном союзе»", "Координационное бюро МОМ для Центральной Азии (пример)", new DateTime(2014, 5, 14, 9, 0, 0, DateTimeKind.Utc));
    }
}

/// <summary>
/// A long release for the whole-process benchmark against LibreOffice (issue: "a 35-page report, 60 chapters with
/// tables"): each chapter a heading, three paragraphs and a five-row table with a repeated header.
/// </summary>
internal static class ReportSample
{
    public static void Write(string path)
    {
        var doc = new WordWriter("en-GB", EnglishStyles.Names);
        doc.Paragraph("Normal", Run("FOR IMMEDIATE RELEASE", "<w:b/><w:caps/>"))
            .Paragraph("Title", Run("Migration in Central Asia: a report in sixty chapters"))
            .Paragraph("Normal", Run("Astana, 14 May 2014 – The International Organization for Migration publishes its annual review of labour migration in the region."));
        for (var chapter = 1; chapter <= 60; chapter++)
        {
            doc.Paragraph("Heading1", Run($"Chapter {chapter}: corridor {chapter % 7 + 1}"));
            for (var p = 1; p <= 3; p++)
            {
                doc.Paragraph("Normal", Run($"Paragraph {p} of chapter {chapter}. Labour mobility between Kazakhstan, the Russian Federation and their neighbours shapes remittances, training and the protection of migrant workers; governments, employers and IOM share the work of making it safe, orderly and regular, and of measuring what changes from one year to the next."));
            }

            doc.Table(
                [2400, 2200, 2200, 2200],
                ["Indicator", "2012", "2013", "Change"],
                [.. Enumerable.Range(1, 5).Select(row => new[] { $"Indicator {chapter}.{row}", $"{(chapter * 37 + row * 11) % 900 + 100}", $"{(chapter * 41 + row * 13) % 900 + 100}", $"{(row * 3 + chapter) % 19 - 9:+0;-0;0} %" })]);
        }

        doc.Paragraph("Normal", Run("###"));
        doc.Save(path, "Migration in Central Asia: a report in sixty chapters", "IOM Central Asia Coordination Office (sample)", new DateTime(2014, 5, 14, 9, 0, 0, DateTimeKind.Utc));
    }
}
