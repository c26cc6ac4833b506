using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline;
using PressPipeline.StaffConsole;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights provider only keeps warnings by default; host.json's logging levels decide instead.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var defaultRule = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (defaultRule is not null)
    {
        options.Rules.Remove(defaultRule);
    }
});

// The one composition root of this host: pipeline, distribution and the operations service (the CLI calls the same).
builder.Services.AddPressPipelineApp(builder.Configuration);

// The staff console's pages (one HTTP trigger) and the staff sign-in rule the console and the staff API share: in Azure
// App Service Authentication supplies the staff member; locally local.settings.json names a development actor
// (StaffConsole:DevelopmentActor), which is ignored on App Service.
builder.Services.AddStaffConsole(builder.Configuration);

builder.Build().Run();
