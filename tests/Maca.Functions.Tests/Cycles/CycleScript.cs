using System.Text.Json;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Calendar;
using Maca.Testing;

namespace Maca.Functions.Tests.Cycles;

/// <summary>Shared steps for the end-to-end cycles: bodies of the commands a coordinator and agencies send.</summary>
public static class CycleScript
{
    public static DateTimeOffset Uk(int y, int m, int d, int h = 9, int min = 0) => WorkingCalendar.AtUkTime(new DateOnly(y, m, d), new TimeOnly(h, min));

    public static object Answers(string comment = "Practice was recorded and reviewed.") =>
        Enumerable.Range(1, 11).Select(q => new { question = q, grade = "Good", comment, yes = q is 1 or 6 or 7 or 8 ? true : (bool?)null }).ToArray();

    public static async Task SubmitAsync(this CycleClient client, string cycleId, string agency, string caseRef)
    {
        var chronology = await client.UploadAsync(cycleId, agency, content: TestFiles.Docx(), fileName: $"{agency} {caseRef}.docx");
        await client.RaiseAsync(cycleId, "SubmitAuditTool", new { agencyCode = agency, caseRef, chronologyRef = chronology, answers = Answers() });
    }

    /// <summary>Each case nominated by CSC with its agencies as those involved, nominations closed, and the cases selected.</summary>
    public static async Task ChooseCasesAsync(this CycleClient client, string cycleId, params (string CaseRef, string[] Scope)[] cases)
    {
        foreach (var (caseRef, scope) in cases) await client.NominateAsync(cycleId, "CSC", caseRef, "Under 1", "Male", "White", false, scope);
        await client.RaiseAsync(cycleId, "CloseNominations");
        await client.RaiseAsync(cycleId, "SelectCases", new { cases = cases.Select(c => new { caseRef = c.CaseRef, agenciesInScope = c.Scope }).ToArray() });
    }

    public static Task NominateAsync(this CycleClient client, string cycleId, string agency, string caseRef, string age, string gender, string ethnicity,
        bool disability, params string[] involved) =>
        client.RaiseAsync(cycleId, "NominateCase", new { agencyCode = agency, caseRef, ageBand = age, gender, ethnicity, disability, agenciesInvolved = involved, reason = "Several self-harm presentations in a year" });

    /// <summary>An email as the test expects it: kind, recipients, copy recipients and the UK date it was queued.</summary>
    public sealed record SentEmail(string Kind, string To, string Cc, string Date)
    {
        public static SentEmail From(JsonElement e)
        {
            string Addresses(string field) => e.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array
                ? string.Join(",", list.EnumerateArray().Select(a => a.GetProperty("address").GetString()).Order()) : "";
            var headers = e.GetProperty("headers");
            var queued = DateTimeOffset.Parse(headers.GetProperty("x-maca-queued-at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            return new SentEmail(headers.GetProperty("x-maca-kind").GetString()!, Addresses("to"), Addresses("cc"),
                WorkingCalendar.UkDate(queued).ToString("yyyy-MM-dd"));
        }
    }
}
