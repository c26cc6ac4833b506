using System.Diagnostics.CodeAnalysis;
using System.Reflection;

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS) that DeploymentPackageTests loads into the published Functions app's
/// own process: it loads Skia and HarfBuzz the way the converter does, so their native libraries are resolved
/// through the package's deps.json and folder exactly as on Azure, prints one line and ends the process before the
/// worker would look for the Functions host. It touches nothing but the BCL and reflection, so none of this test
/// assembly's own references (xunit) need to load there. The runtime requires the type to be called StartupHook and
/// to sit outside any namespace.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime finds a startup hook only by this global name.")]
internal static class StartupHook
{
    public const string Loaded = "native libraries loaded";

    public static void Initialize()
    {
        var skia = Assembly.Load("SkiaSharp").GetType("SkiaSharp.SKData", throwOnError: true)!;
        using var data = (IDisposable)skia.GetMethod("Create", [typeof(long)])!.Invoke(null, [16L])!;
        var harfBuzz = Assembly.Load("HarfBuzzSharp").GetType("HarfBuzzSharp.Blob", throwOnError: true)!;
        _ = harfBuzz.GetProperty("Empty")!.GetValue(null);
        Console.WriteLine(Loaded);
        Environment.Exit(0);
    }
}
