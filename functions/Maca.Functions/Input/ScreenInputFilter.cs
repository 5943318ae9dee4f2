namespace Maca.Functions.Input;

/// <summary>
/// On every endpoint of a group: each id in the route must be a plain identifier, and each request body
/// (an <see cref="IScreenedBody"/>) must pass the <see cref="InputScreen"/>. Otherwise a 400 names the field.
/// </summary>
public sealed class ScreenInputFilter(NamesToKeepOut namesToKeepOut) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var problems = new Dictionary<string, string[]>();
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            if (value is string id && !FieldRules.IsIdentifier(id))
                problems[name] = [$"This is not a valid {name}: use up to {FieldRules.MaxIdLength} letters, digits, dots, " +
                    "hyphens or underscores."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var bodies = context.Arguments.OfType<IScreenedBody>().ToList();
        var names = bodies.Count == 0 ? []
            : await namesToKeepOut.ForRequestAsync(context.HttpContext, bodies.OfType<IPartnershipScoped>().FirstOrDefault());
        foreach (var body in bodies)
            foreach (var (field, messages) in InputScreen.Problems(body, names)) problems.TryAdd(field, messages);
        return problems.Count > 0 ? TypedResults.ValidationProblem(problems) : await next(context);
    }
}

public static class ScreenInputExtensions
{
    public static RouteGroupBuilder ScreenInput(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ScreenInputFilter>();
        return group;
    }

    public static RouteGroupBuilder RequireJsonBody(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<RequireJsonBodyFilter>();
        return group;
    }
}
