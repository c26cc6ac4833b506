using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// Who a staff API route acts for: the principal App Service Authentication adds, read as the console reads it
/// (<see cref="StaffSignIn"/>); with sign-in on and no principal, every staff route answers 401 and runs nothing;
/// locally, the development actor. No function keys: every staff route is anonymous at the Functions level.
/// </summary>
public sealed class StaffSignInTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Azure with sign-in on: headers believed (infra sets StaffConsole__TrustPrincipalHeaders), no development actor.</summary>
    private static readonly StaffSignIn SignedInAzure = FunctionHarness.SignIn(developmentActor: null);

    private OperationsHarness harness = null!;

    public async Task InitializeAsync() => harness = await FunctionHarness.StartAsync(Now);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    /// <summary>Every HTTP-triggered function under Functions.Api: the staff API.</summary>
    public static TheoryData<string> StaffRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var type in StaffFunctionTypes())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task With_sign_in_on_a_staff_route_without_a_principal_answers_401_with_one_sentence_and_runs_nothing(string name)
    {
        var type = StaffFunctionTypes().Single(t => t.Name == name);
        var request = FunctionHarness.Json("POST", """{ "addresses": [], "email": "x@example.org" }""");

        var result = await InvokeAsync(type, request, SignedInAzure);

        var (status, body) = FunctionHarness.Read(result);
        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Equal(StaffApi.SignInSentence, body.GetProperty("error").GetString());
        Assert.Equal("Bearer", request.HttpContext.Response.Headers.WWWAuthenticate.ToString());
        Assert.Empty(await harness.Get<PressPipeline.Pipeline.Operations.ReleaseOperations>().ListAsync(10, default));
    }

    [Fact]
    public void Every_staff_route_is_anonymous_at_the_Functions_level_so_no_one_needs_a_function_key()
    {
        var levels = StaffFunctionTypes()
            .Select(type => (type.Name, Level: Trigger(type).AuthLevel))
            .ToList();

        Assert.True(levels.Count >= 25, $"found only {levels.Count} staff routes");
        Assert.All(levels, l => Assert.True(l.Level == AuthorizationLevel.Anonymous, $"{l.Name} needs a function key ({l.Level})."));
    }

    [Fact]
    public async Task With_sign_in_on_the_release_is_recorded_under_the_signed_in_name()
    {
        var upload = FunctionHarness.Multipart(TestDocx.Build("Signed in", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – Body."), new Dictionary<string, string>());
        upload.Headers[StaffPrincipal.PrincipalHeader] = Base64("""{"name_typ":"preferred_username","claims":[{"typ":"name","val":"Anna"},{"typ":"preferred_username","val":"anna@iom.example.org"}]}""");

        var (status, body) = FunctionHarness.Read(await harness.Function<CreateRelease>(SignedInAzure).Run(upload, default));

        Assert.Equal(StatusCodes.Status201Created, status);
        Assert.Equal("anna@iom.example.org", body.GetProperty("status").GetProperty("uploadedBy").GetProperty("name").GetString());
        Assert.Equal("Api", body.GetProperty("status").GetProperty("uploadedBy").GetProperty("door").GetString());
    }

    [Fact]
    public async Task Where_the_principal_headers_are_not_believed_a_named_request_is_refused_too()
    {
        // App Service with its authentication off: nothing strips the headers, so anyone could name themselves.
        var notBelieved = FunctionHarness.SignIn(developmentActor: null, trustPrincipalHeaders: false);

        var result = await harness.Function<ListReleases>(notBelieved).Run(FunctionHarness.Json("GET").As("anna@iom.example.org"), default);

        Assert.Equal(StatusCodes.Status401Unauthorized, FunctionHarness.Read(result).Status);
    }

    [Fact]
    public async Task Locally_a_request_without_a_principal_acts_as_the_development_actor()
    {
        var upload = FunctionHarness.Multipart(TestDocx.Build("Local", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – Body."), new Dictionary<string, string>());

        var (status, body) = FunctionHarness.Read(await harness.Function<CreateRelease>().Run(upload, default));

        Assert.Equal(StatusCodes.Status201Created, status);
        Assert.Equal(FunctionHarness.DevelopmentActor, body.GetProperty("status").GetProperty("uploadedBy").GetProperty("name").GetString());
    }

    [Fact]
    public void The_principal_name_header_wins()
    {
        var actor = SignedInAzure.ActorOf(Request((StaffPrincipal.NameHeader, "anna@iom.example.org"), (StaffPrincipal.PrincipalHeader, Base64("""{"claims":[{"typ":"name","val":"Someone Else"}]}"""))), Door.Api);

        Assert.Equal(new Actor("anna@iom.example.org", Door.Api), actor);
    }

    [Fact]
    public void Without_the_name_header_the_principal_claim_named_by_name_typ_is_used_then_the_usual_name_claims()
    {
        var byNameType = SignedInAzure.ActorOf(Request((StaffPrincipal.PrincipalHeader, Base64("""{"name_typ":"preferred_username","claims":[{"typ":"name","val":"Anna"},{"typ":"preferred_username","val":"anna@iom.example.org"}]}"""))), Door.Page);
        var byName = SignedInAzure.ActorOf(Request((StaffPrincipal.PrincipalHeader, Base64("""{"claims":[{"typ":"roles","val":"staff"},{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn","val":"boris@iom.example.org"}]}"""))), Door.Api);

        Assert.Equal(new Actor("anna@iom.example.org", Door.Page), byNameType);
        Assert.Equal("boris@iom.example.org", byName!.Name);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJjbGFpbXMiOjQyfQ==")]
    public void A_principal_that_cannot_be_read_falls_back_to_the_principal_id_or_nobody(string principal)
    {
        var withId = SignedInAzure.ActorOf(Request((StaffPrincipal.PrincipalHeader, principal), (StaffPrincipal.IdHeader, "8f2c-object-id")), Door.Api);
        var without = SignedInAzure.ActorOf(Request((StaffPrincipal.PrincipalHeader, principal)), Door.Api);

        Assert.Equal("8f2c-object-id", withId!.Name);
        Assert.Null(without);
    }

    [Fact]
    public void Control_characters_are_dropped_and_long_names_cut()
    {
        var actor = SignedInAzure.ActorOf(Request((StaffPrincipal.NameHeader, "anna\u0007" + new string('x', 300))), Door.Api)!;

        Assert.Equal(200, actor.Name.Length);
        Assert.StartsWith("annaxxx", actor.Name, StringComparison.Ordinal);
    }

    private static IEnumerable<Type> StaffFunctionTypes() =>
        typeof(StaffApi).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(StaffApi).Namespace && RunMethod(type) is { } run && run.GetCustomAttribute<FunctionAttribute>() is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal);

    private static MethodInfo? RunMethod(Type type) => type.GetMethod("Run", BindingFlags.Public | BindingFlags.Instance);

    private static HttpTriggerAttribute Trigger(Type type) =>
        RunMethod(type)!.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;

    // Run(request, route values…, cancellation token): route values get a plausible text, as the host would bind them.
    private async Task<IActionResult> InvokeAsync(Type type, HttpRequest request, StaffSignIn signIn)
    {
        var function = typeof(FunctionHarness).GetMethods()
            .Single(m => m.Name == nameof(FunctionHarness.Function) && m.GetParameters()[0].ParameterType == typeof(OperationsHarness))
            .MakeGenericMethod(type)
            .Invoke(null, [harness, signIn])!;
        var arguments = RunMethod(type)!.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? request
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : (object)"a0b1c2d3e4f5a6b7c8d9").ToArray();
        return await (Task<IActionResult>)RunMethod(type)!.Invoke(function, arguments)!;
    }

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var request = new DefaultHttpContext().Request;
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        return request;
    }

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
