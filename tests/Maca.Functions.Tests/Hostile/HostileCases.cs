using System.Text;
using System.Text.Json.Nodes;

namespace Maca.Functions.Tests.Hostile;

/// <summary>
/// One hostile request: what it is, where it goes, its body (text, raw bytes, or nothing), and the refusal it must
/// get: 400 when the request itself is wrong, so the refusal is the screen's and not a later rule's. Field, when
/// given, is the field the refusal must name; Header is one more request header.
/// </summary>
public sealed record HostileCase(string Name, string Method, string Path, string? Json = null, byte[]? Raw = null,
    string ContentType = "application/json", bool Chunked = false, int Expected = 400, string? Field = null,
    (string Name, string Value)? Header = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The hostile requests, by category. "{C}" in a path stands for a live cycle of partnership "hp"; every body
/// starts from a valid command and breaks exactly one thing, so the refusal is about that one thing.
/// </summary>
public static class HostileCases
{
    public const string Partnership = "hp";

    private static readonly Dictionary<string, string> ValidCommands = new()
    {
        ["NominateCase"] = """{"agencyCode":"CSC","caseRef":"HX-01","ageBand":"Under 1","gender":"Male","ethnicity":"White","disability":false,"agenciesInvolved":["CSC"],"reason":"Bruising noticed"}""",
        ["WithdrawNomination"] = """{"agencyCode":"CSC","nominationId":"N1"}""",
        ["SelectCases"] = """{"cases":[{"caseRef":"HX-01","agenciesInScope":["CSC"]}]}""",
        ["SaveSubmissionDraft"] = """{"agencyCode":"CSC","caseRef":"HX-01","answers":[{"question":1,"grade":"Good","comment":"Recorded"}],"chronologyRef":"chron-1"}""",
        ["SubmitAuditTool"] = """{"agencyCode":"CSC","caseRef":"HX-01","chronologyRef":"chron-1","answers":[{"question":1,"grade":"Good","comment":"Recorded","yes":true}]}""",
        ["DeclareNotKnown"] = """{"agencyCode":"CSC","caseRef":"HX-01","note":"No record after a full search"}""",
        ["RequestExtension"] = """{"agencyCode":"CSC","newDeadline":"2030-01-10","reason":"Records held off site"}""",
        ["GrantExtension"] = """{"agencyCode":"CSC","newDeadline":"2030-01-10"}""",
        ["RefuseExtension"] = """{"agencyCode":"CSC","reason":"The meeting date is fixed"}""",
        ["ProposeMeetingSlots"] = """{"slots":[{"start":"2030-02-01T10:00:00Z","end":"2030-02-01T12:00:00Z"}],"location":"Civic Centre"}""",
        ["GiveAvailability"] = """{"agencyCode":"CSC","slots":{"S1":true}}""",
        ["BookMeeting"] = """{"slotId":"S1"}""",
        ["RescheduleMeeting"] = """{"start":"2030-02-02T10:00:00Z","end":"2030-02-02T12:00:00Z","location":"Town Hall"}""",
        ["CancelMeeting"] = """{"reason":"Chair unwell"}""",
        ["RecordCaseFindings"] = """{"caseRef":"HX-01","strengths":["Child seen alone"],"findings":[{"text":"Father not contacted","themes":["FAM"]}],"gradings":{"CSC":"Good"}}""",
        ["AddRecommendation"] = """{"text":"Brief staff on seeing children alone","category":"Training and awareness"}""",
        ["DraftLearningSummary"] = """{"content":{"process":"Four agencies met","goodPractice":"Good notes","resources":"Local procedures","reflectiveQuestions":["Do you see the child alone?"]}}""",
        ["ReturnSummary"] = """{"reason":"Add the resources"}""",
        ["AddAction"] = """{"recommendationId":"R1","agencyCode":"CSC","description":"Brief every team","dueDate":"2030-06-30","successMeasure":"Ten records show it"}""",
        ["RecordActionProgress"] = """{"actionId":"A1","agencyCode":"CSC","note":"Half the teams briefed","evidenceRef":"briefing-log"}""",
        ["CompleteAction"] = """{"actionId":"A1","agencyCode":"CSC","note":"All briefed"}""",
        ["ReopenAction"] = """{"actionId":"A1","reason":"Evidence missing"}""",
        ["CarryForwardAction"] = """{"actionId":"A1","reason":"Moves to the next audit"}""",
    };

    // Free-text and label fields, by the command that carries them (a path into the body).
    private static readonly (string Command, string Field)[] TextFields =
    [
        ("NominateCase", "reason"), ("NominateCase", "ageBand"), ("NominateCase", "ethnicity"), ("DeclareNotKnown", "note"),
        ("RequestExtension", "reason"), ("RefuseExtension", "reason"), ("ProposeMeetingSlots", "location"), ("CancelMeeting", "reason"),
        ("RescheduleMeeting", "location"), ("AddRecommendation", "text"), ("AddAction", "description"), ("AddAction", "successMeasure"),
        ("RecordActionProgress", "note"), ("RecordActionProgress", "evidenceRef"), ("CompleteAction", "note"), ("ReopenAction", "reason"),
        ("CarryForwardAction", "reason"), ("ReturnSummary", "reason"), ("SubmitAuditTool", "chronologyRef"),
        ("SubmitAuditTool", "answers[0].comment"), ("DraftLearningSummary", "content.process"),
        ("DraftLearningSummary", "content.reflectiveQuestions[0]"), ("RecordCaseFindings", "strengths[0]"), ("RecordCaseFindings", "findings[0].text"),
    ];

    public static IEnumerable<HostileCase> All() =>
        BadIds().Concat(UnknownFields()).Concat(NullsInLists()).Concat(UndefinedEnums()).Concat(BadCharacters()).Concat(TooLong())
            .Concat(DatesOutOfRange()).Concat(Identifiers()).Concat(Oversized()).Concat(Malformed()).Concat(HeaderInjection())
            .Concat(WrongContentType()).Concat(TooManyItems()).Concat(IdentifiersInCaseReferences())
            .Concat(HiddenCharacters()).Concat(BadStarts());

    private static string Raise(string command) => "/api/cycles/{C}/raiseEvent/" + command;

    // A JSON writer would replace a lone surrogate, so the escape is put into the text after writing.
    private const string LoneSurrogate = "a@@lone@@b";

    private static HostileCase Command(string name, string command, Action<JsonObject> breakIt)
    {
        var body = JsonNode.Parse(ValidCommands[command])!.AsObject();
        breakIt(body);
        return new HostileCase(name, "POST", Raise(command), body.ToJsonString().Replace("@@lone@@", "\\ud800"));
    }

    /// <summary>Sets a value at a simple path such as "answers[0].comment" or "content.process".</summary>
    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        JsonNode node = body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1]) node = Step(node, part)!;
        var last = parts[^1];
        if (last.EndsWith(']')) { var (name, i) = Index(last); node[name]![i] = value; }
        else node[last] = value;
    }

    private static JsonNode? Step(JsonNode node, string part)
    {
        if (!part.EndsWith(']')) return node[part];
        var (name, i) = Index(part);
        return node[name]![i];
    }

    private static (string Name, int Index) Index(string part) => (part[..part.IndexOf('[')], int.Parse(part[(part.IndexOf('[') + 1)..^1]));

    private static IEnumerable<HostileCase> BadIds()
    {
        string[] ids = ["a%23b", "a%3Fb", "a%5Cb", "a%0D%0Ab", new string('a', 513), "a%20b", "%C3%A9t%C3%A9", "a'b", "a%01b", "-leading"];
        foreach (var id in ids)
        {
            var label = id.Length > 20 ? "513 characters" : id;
            yield return new($"cycle id {label}: status", "GET", $"/api/cycles/{id}");
            yield return new($"cycle id {label}: command", "POST", $"/api/cycles/{id}/raiseEvent/CloseNominations", "{}");
            yield return new($"cycle id {label}: suspend", "POST", $"/api/cycles/{id}/suspend");
            yield return new($"cycle id {label}: purge", "DELETE", $"/api/cycles/{id}");
            yield return new($"partnership id {label}", "GET", $"/api/partnerships/{id}");
            yield return new($"agency code {label}", "PUT", $"/api/partnerships/{Partnership}/agencies/{id}",
                """{"name":"Agency","leadEmail":"l@a.example","qaEmail":"q@a.example","seniorEmail":"s@a.example"}""");
        }
    }

    private static IEnumerable<HostileCase> UnknownFields() =>
        ValidCommands.Keys.Select(c => Command($"{c} with an unknown field", c, b => b["caseDetails"] = "extra"));

    private static IEnumerable<HostileCase> NullsInLists() =>
    [
        Command("null in agenciesInvolved", "NominateCase", b => b["agenciesInvolved"] = new JsonArray(null, "CSC")),
        Command("null in cases", "SelectCases", b => b["cases"] = new JsonArray((JsonNode?)null)),
        Command("null in answers", "SubmitAuditTool", b => b["answers"] = new JsonArray((JsonNode?)null)),
        Command("null in strengths", "RecordCaseFindings", b => b["strengths"] = new JsonArray((JsonNode?)null)),
        Command("null in reflective questions", "DraftLearningSummary", b => Set(b, "content.reflectiveQuestions", new JsonArray((JsonNode?)null))),
        Command("null in slots", "ProposeMeetingSlots", b => b["slots"] = new JsonArray((JsonNode?)null)),
        Command("null availability", "GiveAvailability", b => b["slots"] = new JsonObject { ["S1"] = null }),
        Command("null grading", "RecordCaseFindings", b => b["gradings"] = new JsonObject { ["CSC"] = null }),
        Command("null in findings' themes", "RecordCaseFindings", b => Set(b, "findings[0].themes", new JsonArray((JsonNode?)null))),
        new("null in themes", "PUT", $"/api/partnerships/{Partnership}",
            """{"name":"P","coordinatorEmail":"c@p.example","managerEmail":"m@p.example","learningDevelopmentEmail":"l@p.example","retentionDays":365,"themes":[null]}"""),
    ];

    private static IEnumerable<HostileCase> UndefinedEnums() =>
    [
        Command("grade 99", "SubmitAuditTool", b => Set(b, "answers[0].grade", 99)),
        Command("grade Superb", "SubmitAuditTool", b => Set(b, "answers[0].grade", "Superb")),
        Command("grade -1 in a draft", "SaveSubmissionDraft", b => Set(b, "answers[0].grade", -1)),
        Command("grading 99", "RecordCaseFindings", b => b["gradings"] = new JsonObject { ["CSC"] = 99 }),
        Command("grading Excellent", "RecordCaseFindings", b => b["gradings"] = new JsonObject { ["CSC"] = "Excellent" }),
        new("auditType 99", "POST", "/api/cycles", StartBody(b => b["auditType"] = 99)),
        new("auditType Weekly", "POST", "/api/cycles", StartBody(b => b["auditType"] = "Weekly")),
        new("link purpose Everything", "POST", "/api/cycles/{C}/links", """{"agencyCode":"CSC","purpose":"Everything"}"""),
        new("link purpose 42", "POST", "/api/cycles/{C}/links", """{"agencyCode":"CSC","purpose":42}"""),
    ];

    public static string StartBody(Action<JsonObject>? breakIt = null)
    {
        var body = new JsonObject
        {
            ["partnershipId"] = Partnership, ["theme"] = "Neglect", ["auditType"] = "InDepth",
            ["agencyCodes"] = new JsonArray("CSC", "POL"), ["targetCases"] = 3,
        };
        breakIt?.Invoke(body);
        return body.ToJsonString();
    }

    private static IEnumerable<HostileCase> BadCharacters()
    {
        (string Label, string Value)[] bad = [("NUL", "a\u0000b"), ("bell", "a\u0007b"), ("escape", "a\u001b[31mred"), ("lone surrogate", LoneSurrogate)];
        foreach (var (command, field) in TextFields.Where((_, i) => i % 2 == 0))
            foreach (var (label, value) in bad)
                yield return Command($"{label} in {command}.{field}", command, b => Set(b, field, value));
        yield return Command("line break in a case reference", "NominateCase", b => b["caseRef"] = "HX-01\nHX-02");
        yield return Command("line break in an agency code", "NominateCase", b => b["agencyCode"] = "CSC\r\nBcc: x");
    }

    private static IEnumerable<HostileCase> TooLong()
    {
        foreach (var (command, field) in TextFields.Where((_, i) => i % 2 == 1))
            yield return Command($"{command}.{field} of 5,000 characters", command, b => Set(b, field, new string('x', 5000)));
        yield return Command("a 65-character agency code", "NominateCase", b => b["agencyCode"] = new string('C', 65));
        yield return Command("a 300-character age band", "NominateCase", b => b["ageBand"] = new string('a', 300));
        yield return new("a 300-character theme", "POST", "/api/cycles", StartBody(b => b["theme"] = new string('t', 300)));
    }

    private static IEnumerable<HostileCase> DatesOutOfRange() =>
    [
        Command("extension to 9999-12-31", "RequestExtension", b => b["newDeadline"] = "9999-12-31"),
        Command("extension to 0001-01-01", "RequestExtension", b => b["newDeadline"] = "0001-01-01"),
        Command("granted until 9999-12-31", "GrantExtension", b => b["newDeadline"] = "9999-12-31"),
        Command("action due 9999-12-31", "AddAction", b => b["dueDate"] = "9999-12-31"),
        Command("action due 1900-01-01", "AddAction", b => b["dueDate"] = "1900-01-01"),
        Command("slot in year 9999", "ProposeMeetingSlots", b => Set(b, "slots[0].start", "9999-01-01T10:00:00Z")),
        Command("rescheduled to year 9999", "RescheduleMeeting", b => b["end"] = "9999-01-01T12:00:00Z"),
        Command("availability deadline 9999-12-31", "ProposeMeetingSlots", b => b["availabilityDeadline"] = "9999-12-31"),
        new("submission deadline 9999-12-31", "POST", "/api/cycles", StartBody(b => b["timetable"] = new JsonObject { ["submissionDeadline"] = "9999-12-31" })),
        new("nominations open 0001-01-01", "POST", "/api/cycles", StartBody(b => b["timetable"] = new JsonObject { ["nominationsOpen"] = "0001-01-01" })),
        Command("not a date", "AddAction", b => b["dueDate"] = "next Tuesday"),
    ];

    private static IEnumerable<HostileCase> Identifiers()
    {
        (string Label, string Value)[] identifiers =
        [
            ("an NHS number", "seen about 943 476 5919"), ("a date of birth", "born 12/03/2015"), ("a postcode", "lives near SW1A 1AA"),
            ("an NHS number hidden by zero-width spaces", "943\u200B476\u200B5919"),
        ];
        foreach (var (command, field) in TextFields)
            foreach (var (label, value) in identifiers.Where((_, i) => i == TextFields.ToList().IndexOf((command, field)) % 4 || i == 0))
                yield return Command($"{label} in {command}.{field}", command, b => Set(b, field, value));
        yield return new("an NHS number in a custom question", "POST", "/api/cycles",
            StartBody(b => b["questions"] = new JsonArray(new JsonObject { ["number"] = 1, ["area"] = "Chronology", ["text"] = "Is 943 476 5919 recorded?" })));
        yield return new("a postcode in a partnership's name", "PUT", $"/api/partnerships/{Partnership}",
            """{"name":"SW1A 1AA partnership","coordinatorEmail":"c@p.example","managerEmail":"m@p.example","learningDevelopmentEmail":"l@p.example","retentionDays":365,"themes":["Neglect"]}""");
        yield return new("a name on the partnership's list", "POST", Raise("NominateCase"),
            ValidCommands["NominateCase"].Replace("Bruising noticed", "Bruising noticed on Tallulah"));
        yield return new("a date of birth in a suspension reason", "POST", "/api/cycles/{C}/suspend?reason=DOB%2012%2F03%2F2015");
    }

    private static IEnumerable<HostileCase> Oversized()
    {
        var big = Encoding.UTF8.GetBytes("{\"reason\":\"" + new string('x', 300_000) + "\"}");
        yield return new("a 300 KB command", "POST", Raise("CancelMeeting"), Raw: big, Expected: 413);
        yield return new("a 300 KB command sent in chunks", "POST", Raise("CancelMeeting"), Raw: big, Chunked: true, Expected: 413);
        yield return new("a 300 KB partnership", "PUT", $"/api/partnerships/{Partnership}", Raw: big, Expected: 413);
    }

    private static IEnumerable<HostileCase> Malformed() =>
    [
        new("truncated JSON", "POST", Raise("NominateCase"), """{"agencyCode":"CSC","caseRef":"""),
        new("a JSON array instead of an object", "POST", Raise("NominateCase"), "[1,2,3]"),
        new("text instead of a boolean", "POST", Raise("NominateCase"), ValidCommands["NominateCase"].Replace("false", "\"no\"")),
        new("a number instead of text", "POST", Raise("NominateCase"), ValidCommands["NominateCase"].Replace("\"HX-01\"", "12")),
        new("an object instead of a list", "POST", Raise("NominateCase"), ValidCommands["NominateCase"].Replace("[\"CSC\"]", "{\"a\":1}")),
        new("invalid UTF-8", "POST", Raise("CancelMeeting"), Raw: [.. "{\"reason\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]),
        new("a UTF-8 byte-order mark then garbage", "POST", Raise("CancelMeeting"), Raw: [0xEF, 0xBB, 0xBF, 0x7B, 0x7B]),
        new("a number too big for an int", "POST", "/api/cycles", StartBody(b => b["targetCases"] = 99999999999)),
        new("a missing required field", "POST", Raise("NominateCase"), """{"agencyCode":"CSC"}"""),
        new("an empty body for a start", "POST", "/api/cycles", ""),
        new("a body that is only whitespace", "POST", "/api/cycles", "   "),
    ];

    private static IEnumerable<HostileCase> HeaderInjection()
    {
        string[] fields = ["leadEmail", "qaEmail", "seniorEmail"];
        foreach (var field in fields)
        {
            var body = new JsonObject { ["name"] = "Agency", ["leadEmail"] = "l@a.example", ["qaEmail"] = "q@a.example", ["seniorEmail"] = "s@a.example" };
            body[field] = "lead@agency.example\r\nBcc: everyone@elsewhere.example";
            yield return new($"CR/LF in an agency's {field}", "PUT", $"/api/partnerships/{Partnership}/agencies/CSC", body.ToJsonString());
        }
        yield return new("CR/LF in the coordinator's email", "PUT", $"/api/partnerships/{Partnership}",
            """{"name":"P","coordinatorEmail":"c@p.example\r\nBcc: x@y.example","managerEmail":"m@p.example","learningDevelopmentEmail":"l@p.example","retentionDays":365,"themes":["Neglect"]}""");
        yield return new("CR/LF in an agency's name", "PUT", $"/api/partnerships/{Partnership}/agencies/CSC",
            """{"name":"Agency\r\nSubject: spoof","leadEmail":"l@a.example","qaEmail":"q@a.example","seniorEmail":"s@a.example"}""");
        yield return Command("CR/LF in a meeting location (it goes into the invitation)", "ProposeMeetingSlots", b => b["location"] = "Room 1\r\nATTENDEE:mailto:x@y.example");
    }

    private static IEnumerable<HostileCase> WrongContentType() =>
    [
        new("a form post to a command", "POST", Raise("NominateCase"), "agencyCode=CSC", ContentType: "application/x-www-form-urlencoded", Expected: 415),
        new("plain text to a command", "POST", Raise("NominateCase"), ValidCommands["NominateCase"], ContentType: "text/plain", Expected: 415),
        new("XML to the directory", "PUT", $"/api/partnerships/{Partnership}/agencies/CSC", "<agency/>", ContentType: "application/xml", Expected: 415),
    ];

    private static HostileCase Command(string name, string command, string field, Action<JsonObject> breakIt) =>
        Command(name, command, breakIt) with { Field = field };

    // Inside a reference there are no word boundaries to find them by, so the screen reads them out.
    private static IEnumerable<HostileCase> IdentifiersInCaseReferences() =>
    [
        Command("an NHS number inside a case reference", "NominateCase", "caseRef",
            b => b["caseRef"] = "N943-476-5919"),
        Command("an NHS number run into a case reference", "NominateCase", "caseRef",
            b => b["caseRef"] = "A9434765919"),
        Command("a postcode inside a case reference", "NominateCase", "caseRef", b => b["caseRef"] = "SW1A-1AA"),
        Command("an NHS number inside a selected case", "SelectCases", "cases[0].caseRef",
            b => Set(b, "cases[0].caseRef", "N943-476-5919")),
        Command("a postcode inside the case of a finding", "RecordCaseFindings", "caseRef",
            b => b["caseRef"] = "SW1A-1AA"),
    ];

    // Right-to-left overrides, isolates and zero-width characters make text read differently from what is stored.
    private static IEnumerable<HostileCase> HiddenCharacters()
    {
        (string Label, string Value)[] hidden =
        [
            ("a right-to-left override", "Seen by \u202Eeht ton\u202C the nurse"),
            ("a left-to-right embedding", "a\u202Ab"),
            ("a right-to-left isolate", "a\u2067b\u2069"), ("a zero-width space", "Father\u200Bnot seen"),
            ("a right-to-left mark", "a\u200Fb"), ("a byte-order mark", "a\uFEFFb"), ("a word joiner", "a\u2060b"),
        ];
        foreach (var (index, (command, field)) in TextFields.Index().Where(f => f.Index % 3 == 0))
        {
            var (label, value) = hidden[index / 3 % hidden.Length];
            yield return Command($"{label} in {command}.{field}", command, field, b => Set(b, field, value));
        }
        yield return new("a zero-width space in a partnership's name", "PUT", $"/api/partnerships/{Partnership}",
            """{"name":"Hostile\u200Bpartnership","coordinatorEmail":"c@p.example","managerEmail":"m@p.example",""" +
            """ "learningDevelopmentEmail":"l@p.example","retentionDays":365,"themes":["Neglect"]}""",
            Field: "name");
    }

    private static IEnumerable<HostileCase> BadStarts() =>
    [
        new("an Idempotency-Key over 200 characters (once ignored: a duplicate cycle)", "POST", "/api/cycles",
            StartBody(),
            Field: "Idempotency-Key", Header: ("Idempotency-Key", new string('k', 201))),
        new("a custom question numbered -5 with no text", "POST", "/api/cycles",
            StartBody(b => b["questions"] = Questions(-5, "")),
            Field: "questions[0].number"),
        new("a custom question with no text", "POST", "/api/cycles",
            StartBody(b => b["questions"] = Questions(1, " ")),
            Field: "questions[0].text"),
    ];

    private static JsonArray Questions(int number, string text) =>
        new(new JsonObject { ["number"] = number, ["area"] = "Chronology", ["text"] = text });

    private static IEnumerable<HostileCase> TooManyItems() =>
    [
        Command("101 agencies involved", "NominateCase", b => b["agenciesInvolved"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)$"A{i}").ToArray())),
        Command("101 strengths", "RecordCaseFindings", b => b["strengths"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)$"Strength {i}").ToArray())),
        new("101 themes", "PUT", $"/api/partnerships/{Partnership}",
            """{"name":"P","coordinatorEmail":"c@p.example","managerEmail":"m@p.example","learningDevelopmentEmail":"l@p.example","retentionDays":365,"themes":[""" +
            string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"Theme {i}\"")) + "]}"),
        new("60 agencies in one cycle", "POST", "/api/cycles",
            StartBody(b => b["agencyCodes"] = new JsonArray(Enumerable.Range(0, 60).Select(i => (JsonNode)$"AG{i}").ToArray()))),
    ];
}
