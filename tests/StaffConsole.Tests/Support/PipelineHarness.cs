namespace PressPipeline.Pipeline.Tests.Support;

/// <summary>The one value of the pipeline tests' harness that the linked <see cref="OperationsHarness"/> reads.</summary>
public static class PipelineHarness
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef-0123456789";
}
