namespace Maca.Orchestrations.Cycles;

/// <summary>
/// How much one cycle holds. Each step of a cycle is saved as one storage transaction of at most 100 rows, and a
/// selection writes three per agency (the event, the email, its link): twenty agencies fit with room to spare.
/// </summary>
public static class CycleLimits
{
    public const int MaxAgencies = 20;
}
