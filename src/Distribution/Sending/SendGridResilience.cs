using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace PressPipeline.Distribution.Sending;

/// <summary>
/// The resilience handler on SendGrid's HttpClient. Retries only what proves SendGrid did not take the request —
/// 429 (waiting for X-RateLimit-Reset) and a connection refused before the request was written — with exponential
/// back-off and jitter. Never a 5xx or a timed-out attempt: a 500/502/503/504 (often a gateway in front of SendGrid)
/// or a lost answer does not prove the batch was not queued, and SendGrid has no idempotency key, so a retry
/// could send twice. Those become "unknown" and are held for staff.
/// </summary>
public static class SendGridResilience
{
    public static IHttpClientBuilder AddSendGridResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("sendgrid", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var ceiling = TimeSpan.FromSeconds(options.MaxRateLimitWaitSeconds);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                ShouldRetryAfterHeader = false,
                ShouldHandle = static args => ValueTask.FromResult(IsSafeToRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RateLimitDelay.From(args.Outcome.Result, time, ceiling)),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
        });
        return builder;
    }

    /// <summary>Only answers that prove the message was not queued, and connections that never opened.</summary>
    public static bool IsSafeToRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests,
        { Exception: HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } } => true,
        _ => false,
    };
}
