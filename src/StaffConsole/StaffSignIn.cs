using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.StaffConsole;

/// <summary>
/// Who is acting on a staff route — a console page or the staff API — decided the same way for both: the staff
/// member App Service Authentication signed in (<see cref="StaffPrincipal"/>), believed only while
/// <see cref="StaffConsoleOptions.PrincipalHeadersTrusted"/> (infra sets <c>StaffConsole__TrustPrincipalHeaders</c>
/// exactly when it turns sign-in on); else the host's development actor (the local hosts only); else nobody, and the
/// route refuses. There is no key holder: a person is named, or nothing happens.
/// </summary>
public sealed class StaffSignIn(IOptions<StaffConsoleOptions> options)
{
    /// <summary>The acting staff member's name, or null when the request carries no principal that may be believed.</summary>
    public string? NameOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var signedIn = settings.PrincipalHeadersTrusted ? StaffPrincipal.NameOf(request.Headers) : null;
        return signedIn ?? DevelopmentActor(settings);
    }

    /// <summary>The acting staff member coming through <paramref name="door"/>, or null: refuse the request.</summary>
    public Actor? ActorOf(HttpRequest request, Door door) =>
        NameOf(request) is { } name && !string.IsNullOrWhiteSpace(name) ? Actor.Of(name, door) : null;

    // A development actor set on App Service by mistake would let anyone act under that name: it counts only off it.
    private static string? DevelopmentActor(StaffConsoleOptions settings) =>
        string.IsNullOrWhiteSpace(settings.DevelopmentActor) || StaffConsoleOptions.OnAppService ? null : settings.DevelopmentActor;
}
