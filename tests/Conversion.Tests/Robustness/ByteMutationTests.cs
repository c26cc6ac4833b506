using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Results;
using PressPipeline.Conversion.Tests.Rendering;

namespace PressPipeline.Conversion.Tests.Robustness;

/// <summary>
/// A damaged upload must end as a conversion or as one typed refusal staff can act on, never as an exception:
/// in the Functions app an exception means retries until the poison queue instead of a sentence. The long run
/// (10,000 mutants, figures in docs/robustness.md) is `dotnet run -c Release --project bench/PressPipeline.Benchmarks -- mutate`.
/// </summary>
public sealed class ByteMutationTests
{
    private const int Seed = 15;
    private const int Mutants = 300;

    [Fact]
    public void Damaged_copies_of_the_sample_convert_or_are_refused_with_one_sentence()
    {
        var sample = File.ReadAllBytes(RepositoryFiles.Path("samples", "iom-roundtable-2014.docx"));
        var mutator = new ByteMutator(sample, Seed);
        var converter = ReleaseConverter.CreateDefault();
        var converted = 0;
        var refusals = new Dictionary<RejectionKind, int>();
        var failures = new List<string>();
        for (var i = 0; i < Mutants; i++)
        {
            var (kind, bytes) = mutator.Next();
            try
            {
                switch (converter.Convert(new MemoryStream(bytes), RenderContext.Local))
                {
                    case ConversionOutcome.Converted:
                        converted++;
                        break;
                    case ConversionOutcome.Rejected { Rejection: var rejection }:
                        refusals[rejection.Kind] = refusals.GetValueOrDefault(rejection.Kind) + 1;
                        if (!IsOneSentence(rejection.Message))
                        {
                            failures.Add($"mutant {i} ({kind}): refusal is not one sentence: {rejection.Message}");
                        }

                        break;
                }
            }
#pragma warning disable CA1031 // The point of the test: every exception is a failure, listed with the mutant that caused it.
            catch (Exception error)
#pragma warning restore CA1031
            {
                failures.Add($"mutant {i} ({kind}): {error.GetType().Name}: {error.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // The mutants must exercise both outcomes, or the run proves nothing about either.
        Assert.True(converted > 0, "no mutant converted");
        Assert.True(refusals.Values.Sum() > 0, "no mutant was refused");
        Assert.Equal(Mutants, converted + refusals.Values.Sum());
    }

    [Fact]
    public void A_central_directory_with_a_broken_entry_is_refused_as_damaged()
    {
        var sample = File.ReadAllBytes(RepositoryFiles.Path("samples", "iom-roundtable-2014.docx"));
        // Break the signature of the last central-directory file header: the directory then holds one entry
        // fewer than its end record promises, which the zip reader reports only when the entries are first listed.
        var lastHeader = sample.AsSpan().LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x01, (byte)0x02]);
        sample[lastHeader + 3] = 0x09;

        var outcome = ReleaseConverter.CreateDefault().Convert(new MemoryStream(sample), RenderContext.Local);

        var rejection = Assert.IsType<ConversionOutcome.Rejected>(outcome).Rejection;
        Assert.Equal(RejectionKind.CorruptPart, rejection.Kind);
        Assert.Contains("damaged", rejection.Message, StringComparison.Ordinal);
    }

    private static bool IsOneSentence(string message) =>
        message.Length is > 10 and < 400
        && !message.Contains('\n', StringComparison.Ordinal)
        && !message.Contains("Exception", StringComparison.Ordinal)
        && message.TrimEnd().EndsWith('.');
}
