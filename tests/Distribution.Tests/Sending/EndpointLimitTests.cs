using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Tests.Infrastructure;
using SendGrid.Helpers.Mail;

namespace PressPipeline.Distribution.Tests.Sending;

/// <summary>The local endpoint must refuse what SendGrid refuses, or the other tests would prove nothing.</summary>
public sealed class EndpointLimitTests : IAsyncLifetime
{
    private FakeSendGridEndpoint _endpoint = null!;
    private DistributionHost _host = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await FakeSendGridEndpoint.StartAsync();
        _host = DistributionHost.Create(_endpoint);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    private static SendGridMessage Message(int personalizations, bool repeatAddress = false, int categories = 1)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress("press@iom.example.org"),
            Subject = "s",
            Contents = [new Content("text/plain", "t"), new Content("text/html", "<p>t</p>")],
            Categories = Enumerable.Range(0, categories).Select(i => $"c{i}").ToList(),
            Personalizations = Enumerable.Range(0, personalizations)
                .Select(i => new Personalization { Tos = [new EmailAddress(repeatAddress ? "same@x.example" : $"p{i}@x.example")] })
                .ToList(),
        };
        return message;
    }

    [Theory]
    [InlineData(1001, false, 1, "1001 personalizations")]
    [InlineData(2, true, 1, "more than once")]
    [InlineData(1, false, 11, "more than 10 categories")]
    public async Task A_request_over_the_v3_limits_is_refused_with_SendGrids_kind_of_message(int personalizations, bool repeat, int categories, string expected)
    {
        var outcome = await _host.Get<IMailTransport>().SendAsync("r", "b", Message(personalizations, repeat, categories), CancellationToken.None);

        var failed = Assert.IsType<SendOutcome.Failed>(outcome);
        Assert.Contains(expected, failed.Reason, StringComparison.Ordinal);
        Assert.Contains(_endpoint.Violations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_within_the_limits_is_accepted_with_a_message_id()
    {
        var outcome = await _host.Get<IMailTransport>().SendAsync("r", "b", Message(1000), CancellationToken.None);

        Assert.StartsWith("msg-", Assert.IsType<SendOutcome.Accepted>(outcome).MessageId, StringComparison.Ordinal);
        Assert.Empty(_endpoint.Violations);
    }
}
