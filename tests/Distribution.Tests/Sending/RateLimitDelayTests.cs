using System.Net;
using Microsoft.Extensions.Time.Testing;
using PressPipeline.Distribution.Sending;

namespace PressPipeline.Distribution.Tests.Sending;

public class RateLimitDelayTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 5, 22, 6, 0, 0, TimeSpan.Zero));

    private static HttpResponseMessage TooMany(string? reset = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (reset is not null)
        {
            response.Headers.Add("X-RateLimit-Reset", reset);
        }

        return response;
    }

    [Fact]
    public void A_429_waits_until_X_RateLimit_Reset()
    {
        var reset = Clock.GetUtcNow().AddSeconds(7).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromSeconds(7), RateLimitDelay.From(TooMany(reset), Clock, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_reset_far_away_is_capped_and_one_in_the_past_means_now()
    {
        var far = Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var past = Clock.GetUtcNow().AddSeconds(-5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromMinutes(1), RateLimitDelay.From(TooMany(far), Clock, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.Zero, RateLimitDelay.From(TooMany(past), Clock, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Other_answers_use_the_normal_backoff()
    {
        using var error = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.Null(RateLimitDelay.From(error, Clock, TimeSpan.FromMinutes(1)));
        Assert.Null(RateLimitDelay.From(TooMany(), Clock, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_timed_out_attempt_and_a_5xx_are_never_retried_but_429_is()
    {
        using var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        using var badRequest = new HttpResponseMessage(HttpStatusCode.BadRequest);

        Assert.True(SendGridResilience.IsSafeToRetry(Polly.Outcome.FromResult(tooMany)));
        Assert.False(SendGridResilience.IsSafeToRetry(Polly.Outcome.FromResult(unavailable)));
        Assert.False(SendGridResilience.IsSafeToRetry(Polly.Outcome.FromResult(badRequest)));
        Assert.False(SendGridResilience.IsSafeToRetry(Polly.Outcome.FromException<HttpResponseMessage>(new Polly.Timeout.TimeoutRejectedException())));
    }
}
