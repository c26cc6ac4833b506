using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Distribution.Tests.Infrastructure;
using PressPipeline.Distribution.Unsubscribe;

namespace PressPipeline.Distribution.Tests.Unsubscribe;

/// <summary>RFC 8058 one-click unsubscribe, behind POST/GET /api/unsubscribe?t=….</summary>
public sealed class UnsubscribeTests : IAsyncLifetime
{
    private const string Journalist = "jane.doe@kaztag.example";
    private DistributionHost _host = null!;
    private string _token = "";

    public Task InitializeAsync()
    {
        _host = DistributionHost.Create();
        var contactId = _host.Get<ContactIdentity>().IdOf(Journalist);
        _token = _host.Get<UnsubscribeTokens>().Create(new UnsubscribeSubject(contactId, "iom-2014"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<UnsubscribeResponse> Handle(string method, string? token) => _host.Get<UnsubscribeService>().HandleAsync(method, token, CancellationToken.None);

    private Task<bool> Suppressed() => _host.Get<SuppressionList>().IsSuppressedAsync(Journalist, CancellationToken.None);

    [Fact]
    public async Task A_one_click_POST_unsubscribes_at_once_and_answers_200()
    {
        var response = await Handle("POST", _token);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("You are unsubscribed", response.Html, StringComparison.Ordinal);
        Assert.True(await Suppressed());
    }

    [Fact]
    public async Task A_GET_shows_a_confirm_page_that_posts_and_does_not_unsubscribe()
    {
        var response = await Handle("GET", _token);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"?t=" + _token + "\">", response.Html, StringComparison.Ordinal);
        Assert.False(await Suppressed());
    }

    [Fact]
    public async Task Unsubscribing_twice_is_the_same_as_once()
    {
        var first = await Handle("POST", _token);
        var second = await Handle("POST", _token);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(200, second.StatusCode);
        Assert.True(await Suppressed());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("amFuZUBleGFtcGxlLm9yZwppb20.AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_bad_token_is_400_and_unsubscribes_nobody(string? token)
    {
        Assert.Equal(400, (await Handle("POST", token)).StatusCode);
        Assert.Equal(400, (await Handle("GET", token)).StatusCode);
        Assert.False(await Suppressed());
    }

    [Fact]
    public async Task A_token_changed_by_one_character_is_refused()
    {
        var tampered = _token[..^1] + (_token[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(400, (await Handle("POST", tampered)).StatusCode);
    }

    [Fact]
    public async Task After_unsubscribing_the_next_release_skips_the_contact()
    {
        await _host.UploadListAsync("press", $"email\n{Journalist}\nother@outlet.example\n");
        await Handle("POST", _token);

        var report = await _host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request("iom-next", "press"), CancellationToken.None);

        Assert.Equal(1, report.Suppressed);
        Assert.Equal(1, report.Recipients);
    }
}
