using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PressPipeline.Functions.Api;

/// <summary>
/// An answer of the routes shared with the local host (<c>PressPipeline.Web</c>, an <see cref="IResult"/>) as the
/// <see cref="IActionResult"/> the Functions ASP.NET Core integration executes: the same bytes either way.
/// </summary>
public sealed class HttpResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}
