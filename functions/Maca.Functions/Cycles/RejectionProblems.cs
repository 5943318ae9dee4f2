using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>A domain refusal as ProblemDetails: 400 with the field, 404, 409 for the wrong phase, 422 for a broken rule.</summary>
public static class RejectionProblems
{
    public static IResult ToResult(Rejection rejection) => rejection.Kind switch
    {
        RejectionKind.InvalidInput => TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [rejection.Field ?? "body"] = [rejection.Message] }, detail: rejection.Message),
        RejectionKind.NotFound => TypedResults.Problem(rejection.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        RejectionKind.WrongPhase => TypedResults.Problem(rejection.Message, statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this phase"),
        _ => TypedResults.Problem(rejection.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not allowed by the audit's rules"),
    };
}
