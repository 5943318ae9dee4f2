using Maca.Functions.Input;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>
/// The last check before any command is decided, whichever page, link or endpoint sent it: no field may carry a name
/// the cycle's partnership keeps out. Pages and the API screen first so the message lands on the right field; this
/// makes sure a path that forgot cannot store one.
/// </summary>
public sealed class CommandScreen(NamesToKeepOut namesToKeepOut)
{
    public async Task<Rejection?> RefusalAsync(CycleState cycle, CycleCommand command, CancellationToken ct)
    {
        var partnership = command is StartCycle start ? start.PartnershipId : cycle.PartnershipId;
        if (string.IsNullOrEmpty(partnership)) return null;
        var names = await namesToKeepOut.ForPartnershipAsync(partnership, ct);
        return InputScreen.NameProblems(command, names).FirstOrDefault() is { Key: { } field, Value: [var message, ..] }
            ? Rejection.Invalid(field, message)
            : null;
    }
}
