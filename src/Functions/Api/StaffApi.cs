using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Status;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// The door of every staff API route. The function is anonymous at the Functions level — people hold no function
/// keys — and the staff member comes from the principal App Service Authentication adds (<see cref="StaffSignIn"/>,
/// the same rule as the console's pages): a request without one gets 401 and one sentence, and nothing runs. Scripts
/// sign in too, with an Entra access token for the app (docs/deploy.md, "Staff sign-in"); what they do is recorded
/// under their principal's name.
/// </summary>
public static class StaffApi
{
    /// <summary>The one sentence a refused request gets (401).</summary>
    public const string SignInSentence = "You are not signed in: sign in with your organisation's Microsoft account (or send its access token) and try again.";

    /// <summary>Runs <paramref name="endpoint"/> as the signed-in staff member (door <see cref="Door.Api"/>), inside <see cref="ApiResults.GuardAsync"/>.</summary>
    public static Task<IActionResult> RunAsync(StaffSignIn signIn, HttpRequest request, ILogger logger, Func<Actor, Task<IActionResult>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(request);
        if (signIn.ActorOf(request, Door.Api) is not { } actor)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Task.FromResult<IActionResult>(ApiResults.Error(StatusCodes.Status401Unauthorized, SignInSentence));
        }

        return ApiResults.GuardAsync(logger, () => endpoint(actor));
    }
}
