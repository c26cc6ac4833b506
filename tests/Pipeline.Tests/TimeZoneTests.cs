using Microsoft.Extensions.Time.Testing;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

public sealed class TimeZoneTests
{
    private static DeliveryPlan Resolve(DateTimeOffset now, string sendAt, string zone, string? publishAt = null) =>
        new PlanResolver(new FakeTimeProvider(now), "UTC").Resolve(new ReleaseInstructions(["media"], [], sendAt, publishAt, zone), ReleaseLine.NotStated);

    [Fact]
    public void Almaty_time_before_1_March_2024_is_UTC_plus_6()
    {
        var plan = Resolve(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), "2024-02-29T12:00", "Asia/Almaty");

        Assert.Equal(new DateTimeOffset(2024, 2, 29, 6, 0, 0, TimeSpan.Zero), plan.SendAt);
    }

    [Fact]
    public void Almaty_time_from_1_March_2024_is_UTC_plus_5()
    {
        var plan = Resolve(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), "2024-03-01T12:00", "Asia/Almaty");

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 7, 0, 0, TimeSpan.Zero), plan.SendAt);
    }

    [Fact]
    public void Berlin_send_after_the_spring_change_uses_summer_time()
    {
        // Written on Saturday (UTC+1) for Sunday 09:00, after clocks went forward at 02:00 (UTC+2).
        var plan = Resolve(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero), "2026-03-29T09:00", "Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), plan.SendAt);
    }

    [Fact]
    public void Berlin_time_skipped_by_the_spring_change_is_refused_with_a_sentence()
    {
        var problem = Assert.Throws<ReleaseProblemException>(() =>
            Resolve(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero), "2026-03-29T02:30", "Europe/Berlin"));

        Assert.Equal("Send time 2026-03-29T02:30 does not exist in Europe/Berlin because the clocks go forward then; pick a time an hour later.", problem.Message);
    }

    [Fact]
    public void New_York_time_repeated_by_the_autumn_change_means_the_first_one()
    {
        var plan = Resolve(new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.Zero), "2026-11-01T01:30", "America/New_York");

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), plan.SendAt);
    }

    [Theory]
    [InlineData("Central Asia Standard Time", "use Asia/")]
    [InlineData("Nowhere Special", "use a name such as Asia/Almaty")]
    public void Zone_that_is_not_a_zone_word_gets_a_suggestion(string zone, string suggestion)
    {
        var problem = Assert.Throws<ReleaseProblemException>(() => Resolve(DateTimeOffset.UnixEpoch, "2026-12-01T09:00", zone));

        Assert.StartsWith($"Zone '{zone}' is not a time zone we know; ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GMT", "2027-06-05T09:00", "2027-06-05T09:00:00Z", "GMT")]
    [InlineData("CET", "2027-06-05T09:00", "2027-06-05T08:00:00Z", "CET")]
    [InlineData("EST", "2027-06-05T09:00", "2027-06-05T14:00:00Z", "EST")]
    [InlineData("Astana time", "2027-06-05T09:00", "2027-06-05T04:00:00Z", "Asia/Almaty")]
    [InlineData("London time", "2027-06-05T09:00", "2027-06-05T08:00:00Z", "Europe/London")]
    [InlineData("по времени Астаны", "2027-06-05T09:00", "2027-06-05T04:00:00Z", "Asia/Almaty")]
    [InlineData("UTC+5", "2027-06-05T09:00", "2027-06-05T04:00:00Z", "UTC+5")]
    public void Staff_zone_words_mean_what_the_document_reader_takes_them_to_mean(string zone, string sendAt, string utc, string storedZone)
    {
        var plan = Resolve(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), sendAt, zone);

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), plan.SendAt);
        Assert.Equal(storedZone, plan.TimeZoneId);
    }

    [Fact]
    public void An_ambiguous_staff_zone_is_refused_with_its_readings()
    {
        var problem = Assert.Throws<ReleaseProblemException>(() => Resolve(DateTimeOffset.UnixEpoch, "2026-12-01T09:00", "IST"));

        Assert.StartsWith("Zone \"IST\" could be India Standard Time (UTC+5:30), Israel Standard Time (UTC+2) or Irish Standard Time (UTC+1)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_date_that_reads_two_ways_holds_the_release_with_both_readings()
    {
        var line = ReleaseLine.From(new Conversion.Model.ReleaseInstruction.EmbargoedUnparsed(
            "EMBARGOED UNTIL 09:00 GMT, 06/05/2027",
            "the date 06/05/2027 could be 6 May 2027 or 5 June 2027, so it is not guessed; write the month as a word"));
        var resolver = new PlanResolver(new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)), "UTC");

        var problem = Assert.Throws<ReleaseProblemException>(() => resolver.Resolve(new ReleaseInstructions(["media"], [], "2027-05-01T09:00", null, "GMT"), line));

        Assert.Equal(
            "The document says \"EMBARGOED UNTIL 09:00 GMT, 06/05/2027\" but its time could not be understood (the date 06/05/2027 could be 6 May 2027 or 5 June 2027, so it is not guessed; write the month as a word); give a publish time.",
            problem.Message);

        // Staff giving the publish time settle it.
        var plan = resolver.Resolve(new ReleaseInstructions(["media"], [], "2027-05-01T09:00", "2027-06-05T09:00", "GMT"), line);
        Assert.Equal(new DateTimeOffset(2027, 6, 5, 9, 0, 0, TimeSpan.Zero), plan.PublishAt);
    }

    [Fact]
    public void Garbled_time_is_refused_with_the_expected_shape()
    {
        var problem = Assert.Throws<ReleaseProblemException>(() => Resolve(DateTimeOffset.UnixEpoch, "1st of December", "Asia/Almaty"));

        Assert.Equal("Send time '1st of December' is not a date and time; write it like 2026-12-01T09:00.", problem.Message);
    }

    [Fact]
    public async Task Berlin_send_across_the_change_is_dispatched_at_the_summer_time_instant()
    {
        await using var harness = PipelineHarness.Start(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero));
        await harness.UploadAsync(TestDocx.Build("Spring"), Flow.Send("2026-03-29T09:00", zone: "Europe/Berlin"));

        // 06:59 UTC is 08:59 in Berlin after the change: not yet (a fixed UTC+1 would wrongly wait until 08:00 UTC).
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 6, 59, 0, TimeSpan.Zero));
        Assert.Empty((await harness.DispatchAsync()).Enqueued);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero));
        Assert.Contains((await harness.DispatchAsync()).Enqueued, w => w.Kind == WorkKind.Send);
    }

    [Fact]
    public async Task Almaty_sends_either_side_of_the_2024_change_are_dispatched_at_their_own_offsets()
    {
        await using var harness = PipelineHarness.Start(new DateTimeOffset(2024, 2, 28, 0, 0, 0, TimeSpan.Zero));
        var before = (await harness.UploadAsync(TestDocx.Build("Before"), Flow.Send("2024-02-29T12:00"))).ReleaseId;
        var after = (await harness.UploadAsync(TestDocx.Build("After"), Flow.Send("2024-03-01T12:00"))).ReleaseId;

        harness.Time.SetUtcNow(new DateTimeOffset(2024, 2, 29, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal([before], (await harness.DispatchAsync()).Enqueued.Where(w => w.Kind == WorkKind.Send).Select(w => w.ReleaseId));
        harness.Time.SetUtcNow(new DateTimeOffset(2024, 3, 1, 6, 59, 0, TimeSpan.Zero));
        Assert.DoesNotContain((await harness.DispatchAsync()).Enqueued, w => w.Kind == WorkKind.Send);
        harness.Time.SetUtcNow(new DateTimeOffset(2024, 3, 1, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal([after], (await harness.DispatchAsync()).Enqueued.Where(w => w.Kind == WorkKind.Send).Select(w => w.ReleaseId));
    }
}
