using System.Text.Json.Nodes;
using Maca.Functions.Cycles;
using Maca.Functions.Tests.Infrastructure;

namespace Maca.Functions.Tests.Cycles;

/// <summary>A tool can be written against the OpenAPI document alone: every command's body, its fields, limits and words.</summary>
[Collection(AppCollection.Name)]
public sealed class CommandOpenApiTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task TheDocumentDescribesEveryCommandBodyWithItsFieldsLimitsAndEnumValues()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;

        var body = document["paths"]![CommandOpenApi.RaiseEventPath]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var named = body["oneOf"]!.AsArray().Select(s => s!["$ref"]!.GetValue<string>().Split('/')[^1]).ToList();
        Assert.Equal(CommandCatalog.ByName.Keys.Order(StringComparer.Ordinal), named);
        Assert.DoesNotContain("AttachDocument", named); // only the documents endpoint attaches files

        var submit = schemas["SubmitAuditTool"]!;
        Assert.False(submit["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(64, submit["properties"]!["caseRef"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(200, submit["properties"]!["chronologyRef"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(100, submit["properties"]!["answers"]!["maxItems"]!.GetValue<int>());
        Assert.Contains("chronologyRef", submit["required"]!.AsArray().Select(r => r!.GetValue<string>()));

        var answer = Resolve(document, submit["properties"]!["answers"]!["items"]!);
        var grades = Resolve(document, answer["properties"]!["grade"]!)["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Equal(["Outstanding", "Good", "RequiresImprovement", "Inadequate", "NotApplicable"], grades);
        Assert.Equal(4000, schemas["DeclareNotKnown"]!["properties"]!["note"]!["maxLength"]!.GetValue<int>());
    }

    /// <summary>A schema, following a "$ref" into components when the generator shared it.</summary>
    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? document["components"]!["schemas"]![reference.Split('/')[^1]]! : schema;
}
