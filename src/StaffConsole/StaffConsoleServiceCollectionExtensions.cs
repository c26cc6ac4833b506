using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PressPipeline.StaffConsole.Pages;
using PressPipeline.Templates;

namespace PressPipeline.StaffConsole;

public static class StaffConsoleServiceCollectionExtensions
{
    /// <summary>
    /// Registers the staff console over the services <c>AddPressPipelineApp</c> registers (call that too). Options come
    /// from the "StaffConsole" section of <paramref name="configuration"/> when given, then <paramref name="configure"/>
    /// (the local host sets <see cref="StaffConsoleOptions.DevelopmentActor"/> there).
    /// </summary>
    public static IServiceCollection AddStaffConsole(this IServiceCollection services, IConfiguration? configuration = null, Action<StaffConsoleOptions>? configure = null)
    {
        var options = services.AddOptions<StaffConsoleOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(StaffConsoleOptions.Section));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StaffSignIn>();
        services.TryAddSingleton<ConsoleSecurity>();
        services.TryAddSingleton(_ => new ConsoleLabels(TemplateLibrary.Embedded));
        services.TryAddSingleton(_ => new ConsoleView(TemplateLibrary.Embedded));
        services.TryAddSingleton<ReleasePages>();
        services.TryAddSingleton<ListPages>();
        services.TryAddSingleton<SuppressionPages>();
        services.TryAddSingleton<StaffConsoleApp>();
        return services;
    }
}
