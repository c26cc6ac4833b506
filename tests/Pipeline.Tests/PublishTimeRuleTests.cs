using Microsoft.Extensions.Time.Testing;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>The publish time is never in the past nor before the document's embargo, unless staff say "now".</summary>
public sealed class PublishTimeRuleTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly ReleaseLine EmbargoedUntil5June = new(ReleaseLineKind.Embargoed, "EMBARGOED UNTIL 00:01 GMT, 5 June 2027", new DateTimeOffset(2027, 6, 5, 0, 1, 0, TimeSpan.Zero), "GMT");
    private static readonly ReleaseLine EmbargoedIn2014 = new(ReleaseLineKind.Embargoed, "EMBARGOED UNTIL 22 May 2014, 11:30 Astana time", new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero), "Asia/Almaty");

    private static DeliveryPlan Resolve(ReleaseLine line, string? publishAt, string sendAt = "2027-06-02T09:00", string? zone = "GMT") =>
        new PlanResolver(new FakeTimeProvider(Now), "UTC").Resolve(new ReleaseInstructions(["media"], [], sendAt, publishAt, zone), line);

    [Fact]
    public void The_document_embargo_is_the_publish_time_when_staff_give_none() =>
        Assert.Equal(EmbargoedUntil5June.LiftsAt, Resolve(EmbargoedUntil5June, publishAt: null).PublishAt);

    [Fact]
    public void A_publish_time_before_the_document_embargo_is_refused()
    {
        var problem = Assert.Throws<ReleaseProblemException>(() => Resolve(EmbargoedUntil5June, "2027-06-04T23:59"));

        Assert.Equal(
            "Publish time 2027-06-04T23:59 is before the document's embargo (5 June 2027, 00:01 GMT); give a time at or after it, change the embargo line, or give \"now\" to publish at once.",
            problem.Message);
    }

    [Fact]
    public void A_publish_time_in_the_past_is_refused()
    {
        var problem = Assert.Throws<ReleaseProblemException>(() => Resolve(ReleaseLine.NotStated, "2027-05-31T09:00"));

        Assert.Equal(
            "Publish time 2027-05-31T09:00 is in the past (it is now 2027-06-01T06:00 in GMT); give a later time, or \"now\" to publish at once.",
            problem.Message);
    }

    [Fact]
    public void A_publish_time_at_or_after_the_embargo_is_taken() =>
        Assert.Equal(new DateTimeOffset(2027, 6, 5, 9, 0, 0, TimeSpan.Zero), Resolve(EmbargoedUntil5June, "2027-06-05T09:00").PublishAt);

    [Fact]
    public void Publish_now_from_staff_overrides_the_document_embargo()
    {
        var plan = Resolve(EmbargoedUntil5June, "now");

        Assert.Equal(Now, plan.PublishAt);
        Assert.True(plan.PublishAt <= plan.SendAt);
    }

    [Fact]
    public void An_embargo_that_has_already_passed_holds_the_release_with_a_sentence()
    {
        var problem = Assert.Throws<ReleaseProblemException>(() => Resolve(EmbargoedIn2014, publishAt: null, zone: null));

        Assert.Equal(
            "The embargo line says 22 May 2014, 11:30 Astana time (UTC+6), which has passed: change it, or publish now (publish time \"now\").",
            problem.Message);
    }

    [Fact]
    public void An_embargo_that_has_passed_is_sent_when_staff_publish_now()
    {
        var plan = Resolve(EmbargoedIn2014, "now", sendAt: "now", zone: null);

        Assert.Equal(Now, plan.PublishAt);
        Assert.Equal(Now, plan.SendAt);
        Assert.Equal("Asia/Almaty", plan.TimeZoneId);
    }

    [Fact]
    public async Task Every_source_of_instructions_is_held_to_the_same_rules()
    {
        await using var harness = PipelineHarness.Start(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        // Upload with instructions (metadata, sidecar and CLI all arrive this way): refused with the sentence, kept for staff.
        var early = await harness.UploadAsync(
            TestDocx.Build("Early", "EMBARGOED UNTIL 2026-12-03T10:00 Asia/Almaty"),
            Flow.Send("2026-12-02T09:00", publishAt: "2026-12-03T09:00"));
        Assert.Equal(ReleaseState.Converted, early.Status.State);
        Assert.StartsWith("Publish time 2026-12-03T09:00 is before the document's embargo (3 December 2026, 10:00 Astana time (UTC+5))", Assert.Single(early.Status.InstructionProblems), StringComparison.Ordinal);

        // The API and CLI schedule through the scheduler: same rule.
        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() =>
            harness.Get<Scheduling.ReleaseScheduler>().ScheduleAsync(early.ReleaseId, Flow.Send("2026-12-02T09:00", publishAt: "2026-11-30T09:00"), default));
        Assert.StartsWith("Publish time 2026-11-30T09:00 is in the past", problem.Message, StringComparison.Ordinal);

        // A document whose embargo has passed says so at upload, even before anyone schedules it.
        var stale = await harness.UploadAsync(TestDocx.Build("Stale", "EMBARGOED UNTIL 2014-05-22T11:30 Asia/Almaty"));
        Assert.Equal(
            "The embargo line says 22 May 2014, 11:30 Astana time (UTC+6), which has passed: change it, or publish now (publish time \"now\").",
            Assert.Single(stale.Status.InstructionProblems));
        var scheduled = await harness.Get<Scheduling.ReleaseScheduler>().ScheduleAsync(stale.ReleaseId, Flow.Send("now", publishAt: "now"), default);
        Assert.Equal(ReleaseState.Scheduled, scheduled.State);
        Assert.Empty(scheduled.InstructionProblems);
    }
}
