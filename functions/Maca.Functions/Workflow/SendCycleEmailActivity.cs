using Maca.Functions.Email.Delivery;
using Microsoft.DurableTask;

namespace Maca.Functions.Workflow;

/// <summary>
/// Sends one email of a cycle. An email that may go later fails the activity, so the orchestrator's retry policy
/// runs it again after a pause; the last attempt marks it failed instead, with a retry button.
/// </summary>
public sealed class SendCycleEmailActivity(EmailSending sending) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string outboxId)
    {
        var (sent, again) = await sending.TryAsync(outboxId, CancellationToken.None);
        if (again) throw new EmailNotYetSentException($"Email {outboxId} is to be tried again.");
        return sent;
    }
}

public sealed class EmailNotYetSentException(string message) : Exception(message);
