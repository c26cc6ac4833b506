using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// Each identity holds only what its job needs: the Event Grid topic writes dead letters and nothing else; people and
/// pipelines get data rights on the uploads container only, and a pipeline's identity is kept apart from the
/// operators'.
/// </summary>
public sealed class IdentityTests
{
    private readonly ArmTemplate main = CompiledInfra.Main;

    private List<ArmResource> Assignments => [.. main.AllResources.Where(resource => resource.Type == "Microsoft.Authorization/roleAssignments")];

    [Fact]
    public void The_Event_Grid_topic_has_its_own_identity_allowed_only_to_write_dead_letters()
    {
        var topic = main.AllResources.Single(resource => resource.Type == "Microsoft.EventGrid/systemTopics");
        var forTopic = Assignments.Where(assignment => assignment.Property("properties.principalId")!.GetValue<string>().Contains("systemTopic", StringComparison.Ordinal)).ToList();

        Assert.Equal("SystemAssigned", topic.Property("identity.type")!.GetValue<string>());
        Assert.Null(topic.Property("identity.userAssignedIdentities"));
        var only = Assert.Single(forTopic);
        Assert.EndsWith($"'{Roles.StorageBlobDataContributor}')]", only.Property("properties.roleDefinitionId")!.GetValue<string>(), StringComparison.Ordinal);
        // Scoped to the dead-letter container, which is the one the subscription writes to.
        var scope = only.Json["scope"]!.GetValue<string>();
        Assert.Contains("blobServices/containers", scope, StringComparison.Ordinal);
        Assert.Contains("parameters('deadLetterContainer')", scope, StringComparison.Ordinal);
        Assert.Equal("eventgrid-deadletter", topic.Template.ParameterValue("deadLetterContainer")!.GetValue<string>());
        Assert.Equal("eventgrid-deadletter", CompiledInfra.EventGridSubscription.ParameterValue("deadLetterContainer")!.GetValue<string>());
    }

    [Fact]
    public void The_app_identity_is_not_the_topic_identity()
    {
        var topic = main.AllResources.Single(resource => resource.Type == "Microsoft.EventGrid/systemTopics");

        Assert.DoesNotContain("identity", topic.Template.Json["parameters"]!.AsObject().Select(pair => pair.Key));
        Assert.DoesNotContain("userAssigned", CompiledInfra.EventGridSubscription.Json.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void People_get_data_rights_on_the_uploads_container_only()
    {
        var blobRoles = Assignments
            .Where(assignment => assignment.IsConditional && assignment.Property("properties.roleDefinitionId")!.GetValue<string>().Contains(Roles.StorageBlobDataContributor, StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, blobRoles.Count);
        Assert.All(blobRoles, assignment =>
        {
            // The scope is the uploads container (never the account: contacts, releases and the ledger stay the app's).
            Assert.Contains("blobServices/containers", assignment.Json["scope"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("parameters('uploadsContainer')", assignment.Json["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Equal("uploads", blobRoles[0].Template.ParameterValue("uploadsContainer")!.GetValue<string>());
        Assert.DoesNotContain(Assignments, assignment =>
            assignment.Property("properties.principalId")!.GetValue<string>().Contains("Principal", StringComparison.Ordinal)
            && assignment.Json["scope"]?.GetValue<string>() is { } scope && scope.EndsWith("storageAccounts', parameters('storageAccountName'))]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipeline_deploying_gets_no_upload_rights_and_operators_keep_theirs_through_their_own_principal()
    {
        var uploads = Assignments.Where(assignment => assignment.Property("properties.roleDefinitionId")!.GetValue<string>().Contains(Roles.StorageBlobDataContributor, StringComparison.Ordinal) && assignment.IsConditional).ToList();
        var deployerUploads = uploads.Single(assignment => assignment.Json["condition"]!.GetValue<string>().Contains("deployerPrincipalId", StringComparison.Ordinal));
        var operatorUploads = uploads.Single(assignment => assignment.Json["condition"]!.GetValue<string>().Contains("operatorPrincipalId", StringComparison.Ordinal));

        Assert.Equal("[and(not(empty(parameters('deployerPrincipalId'))), equals(parameters('deployerPrincipalType'), 'User'))]", deployerUploads.Json["condition"]!.GetValue<string>());
        Assert.Equal("[parameters('operatorPrincipalId')]", operatorUploads.Json["properties"]!["principalId"]!.GetValue<string>());
        Assert.Equal("", main.ParameterValue("operatorPrincipalId")!.GetValue<string>());
        Assert.Equal("Group", main.ParameterValue("operatorPrincipalType")!.GetValue<string>());
        var parameters = File.ReadAllText(BuildFacts.InRepository("infra", "main.parameters.json"));
        Assert.Contains("${OPERATOR_PRINCIPAL_ID=}", parameters, StringComparison.Ordinal);
        // The deploy workflow signs in as its own identity, declared a service principal.
        Assert.Contains("AZURE_PRINCIPAL_TYPE: ServicePrincipal", File.ReadAllText(BuildFacts.InRepository(".github", "workflows", "deploy.yml")), StringComparison.Ordinal);
    }
}
