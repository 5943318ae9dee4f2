namespace Maca.Functions.Cycles;

/// <summary>The caller's If-Match names a version the cycle has moved past (HTTP 412).</summary>
public sealed class CycleChangedException(string message) : Exception(message);

/// <summary>
/// Every attempt to save a command lost to another writer (HTTP 409). Nothing of the command was saved,
/// so the caller can safely send it again.
/// </summary>
public sealed class CycleContentionException(string cycleId, int attempts, Exception inner)
    : Exception($"Cycle {cycleId} was changed by someone else on each of {attempts} attempts to save this. " +
        "Nothing was saved; reload the cycle and try again.", inner);
