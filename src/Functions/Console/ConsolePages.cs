using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Console;

/// <summary>
/// <c>/api/console/{*path}</c>: the staff console's pages (docs/console.md). Anonymous at the function level on
/// purpose — people do not hold function keys: App Service Authentication signs staff in before the request
/// reaches the app (infra/ keeps this route out of its excluded paths), and the console refuses any request
/// without the principal it adds.
/// </summary>
public sealed class ConsolePages(StaffConsoleApp console)
{
    [Function(nameof(ConsolePages))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "console/{*path}")] HttpRequest request,
        string? path)
    {
        await console.HandleAsync(request.HttpContext, path ?? "");
        return new EmptyResult();
    }
}
