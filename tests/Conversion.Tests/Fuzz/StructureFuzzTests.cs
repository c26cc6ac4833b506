using System.IO.Compression;
using PressPipeline.Benchmarks.Fuzz;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Tests.Rendering;

namespace PressPipeline.Conversion.Tests.Fuzz;

/// <summary>
/// A short seeded run of the structure-aware fuzzer (the long one is `PressPipeline.Benchmarks fuzz`): every mutant
/// of a real release keeps its parts well-formed, so every one must convert into all four variants — no refusal,
/// no exception.
/// </summary>
public sealed class StructureFuzzTests
{
    [Fact]
    public void Three_hundred_structural_mutants_of_real_releases_all_convert_into_every_variant()
    {
        var report = FuzzRun.Run(RepositoryFiles.Path("."), seed: 15, mutations: 300);
        Assert.True(report.Refusals.Count == 0, string.Join("\n", report.Refusals.Take(10)));
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Take(10)));
        Assert.Equal(300, report.Converted);
    }

    [Fact]
    public void The_mutator_is_seeded_so_a_finding_can_be_made_again()
    {
        var original = File.ReadAllBytes(RepositoryFiles.Path("samples/iom-roundtable-2014.docx"));
        var first = new StructureMutator(original, 7);
        var second = new StructureMutator(original, 7);
        for (var i = 0; i < 5; i++)
        {
            first.Next();
            second.Next();
            Assert.Equal(first.LastMutation, second.LastMutation);
        }
    }

    [Fact]
    public void A_relationship_to_a_part_that_is_not_in_the_package_is_dropped_with_a_warning()
    {
        var original = File.ReadAllBytes(RepositoryFiles.Path("samples/iom-roundtable-2014.docx"));
        var broken = Rewrite(original, "word/_rels/document.xml.rels", xml => xml.Replace("Target=\"/word/styles.xml\"", "Target=\"/word/missing.xml\"", StringComparison.Ordinal));

        var result = new WordReader().Read(new MemoryStream(broken));

        Assert.Contains(result.Warnings, w => w.Code == DanglingRelationships.Code);
        Assert.NotEmpty(result.Value.Body);
    }

    private static byte[] Rewrite(byte[] package, string entryName, Func<string, string> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName)!;
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd();
            }

            Assert.Contains("/word/styles.xml", text, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(edit(text));
        }

        return stream.ToArray();
    }
}
