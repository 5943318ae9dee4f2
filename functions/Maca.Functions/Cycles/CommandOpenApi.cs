using System.Reflection;
using Maca.Functions.Input;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Maca.Functions.Cycles;

/// <summary>
/// Makes the OpenAPI document describe what raiseEvent really accepts: one schema per command, named after it,
/// with its fields, enum values as words, and the length and list limits the input screen enforces. raiseEvent
/// reads its body by hand (to refuse what does not fit), so without this a tool would see no body at all.
/// </summary>
public static class CommandOpenApi
{
    public const string RaiseEventPath = "/api/cycles/{id}/raiseEvent/{name}";

    public static void Describe(OpenApiOptions options)
    {
        options.AddSchemaTransformer(StateTheLimits);
        options.AddDocumentTransformer(DescribeCommandBodiesAsync);
    }

    /// <summary>Each string and list property says the screen's limit for it (decided by its name, as the screen does).</summary>
    private static Task StateTheLimits(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken ct)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is not MemberInfo member) return Task.CompletedTask;
        var kind = FieldRules.KindOf(member.Name);
        if (schema.Type?.HasFlag(JsonSchemaType.String) == true && schema.Format is null)
            schema.MaxLength ??= FieldRules.MaxLength(kind);
        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true)
        {
            schema.MaxItems ??= FieldRules.MaxListItems;
            if (schema.Items is OpenApiSchema { Type: { } itemType } items && itemType.HasFlag(JsonSchemaType.String))
                items.MaxLength ??= FieldRules.MaxLength(kind);
        }
        return Task.CompletedTask;
    }

    private static async Task DescribeCommandBodiesAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken ct)
    {
        if (document.Paths?.TryGetValue(RaiseEventPath, out var path) != true
            || path!.Operations?.TryGetValue(HttpMethod.Post, out var raise) != true)
            return;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var bodies = new List<IOpenApiSchema>();
        foreach (var (name, type) in CommandCatalog.ByName.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var schema = await context.GetOrCreateSchemaAsync(type, null, ct);
            schema.Title = name;
            schema.Description =
                $"The body of POST /api/cycles/{{id}}/raiseEvent/{name}. A field not listed here is refused.";
            schema.AdditionalPropertiesAllowed = false;
            document.Components.Schemas[name] = schema;
            bodies.Add(new OpenApiSchemaReference(name, document));
        }
        raise!.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The command named in the path, as JSON. "
                + "Each command's schema is in components, under the command's name.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { OneOf = bodies } },
            },
        };
    }
}
