using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using PressPipeline.LocalHost;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.StaffConsole;

namespace PressPipeline.Cli.Tests.Commands;

/// <summary>
/// <c>presspipe serve</c> over real Kestrel, whose own body limit (30 MB unless changed) sits below the 50 MB a
/// document may be: an upload between the two must reach the pipeline and get its sentence, not a bare server error.
/// </summary>
public sealed partial class ServeUploadSizeTests
{
    [Fact]
    public async Task A_35_MB_upload_within_the_document_limit_is_read_whole_by_the_local_host_and_answered_with_a_sentence()
    {
        await using var harness = await OperationsHarness.StartAsync(DateTimeOffset.UtcNow);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(harness.Settings).Build();
        await using var host = await LocalWebHost.StartAsync(configuration, FreePort(), new LocalHostOptions("officer@iom.example.org"), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
        var form = await http.GetStringAsync(new Uri("console/upload", UriKind.Relative));
        var token = TokenField().Match(form).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), "The upload page has no form token.");

        // Not a Word document, so the converter refuses it: the point is that it got that far.
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), ConsoleSecurity.TokenField },
            { new ByteArrayContent(new byte[35 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", "large.docx" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("console/upload", UriKind.Relative)) { Content = content };
        request.Headers.Add("Origin", host.Address.GetLeftPart(UriPartial.Authority));
        using var response = await http.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"form-error\"", page, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"" + ConsoleSecurity.TokenField + "\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
