using Maca.Orchestrations.Privacy;
using Maca.Orchestrations.Nominations;

namespace Maca.Orchestrations.Tests.Privacy;

public sealed class IdentifierGuardTests
{
    [Theory]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("9434765919")]
    [InlineData("NHS no 943.476.5919 on file")]
    [InlineData("NHS9434765919")]
    [InlineData("943\u200B476\u200B5919")]            // zero-width spaces
    [InlineData("９４３４７６５９１９")]                 // full-width digits
    [InlineData("943\u2013476\u20135919")]            // en dashes
    [InlineData("943\u00A0476\u00A05919")]            // no-break spaces
    public void NhsNumbersAreCaughtHoweverTheyAreWritten(string text) =>
        Assert.Contains("NHS number", IdentifierGuard.TextProblem(text));

    [Theory]
    [InlineData("9434765918")] // fails the Modulus 11 check: not an NHS number
    [InlineData("1234567890")]
    public void TenDigitsThatFailTheCheckDigitAreNotTakenForNhsNumbers(string text) =>
        Assert.Null(IdentifierGuard.TextProblem(text));

    [Fact]
    public void TheModulus11CheckMatchesTheNhsRule()
    {
        Assert.True(IdentifierGuard.PassesModulus11("9434765919"));
        Assert.False(IdentifierGuard.PassesModulus11("9434765910"));
        Assert.False(IdentifierGuard.PassesModulus11("94347659"));
    }

    [Theory]
    [InlineData("born 12/03/2015")]
    [InlineData("12-03-15")]
    [InlineData("2015-03-12")]
    [InlineData("12.03.2015")]
    [InlineData("12 March 2015")]
    [InlineData("12th of Mar 2015")]
    [InlineData("March 12, 2015")]
    [InlineData("DOB unknown")]
    [InlineData("D.O.B. on file")]
    [InlineData("date of birth recorded")]
    [InlineData("1\u200B2/03/2015")]
    [InlineData("120315")]
    [InlineData("20150312")]
    [InlineData("1/3/15")]
    public void DatesOfBirthAreCaughtInTheCommonWrittenForms(string text) =>
        Assert.Contains("date of birth", IdentifierGuard.TextProblem(text));

    [Theory]
    [InlineData("lives at SW1A 1AA")]
    [InlineData("M1 1AE")]
    [InlineData("postcode b338th")]
    [InlineData("EC1A 1BB")]
    public void UkPostcodesAreCaught(string text) =>
        Assert.Contains("postcode", IdentifierGuard.TextProblem(text));

    [Theory]
    [InlineData("SH-2026-03")]
    [InlineData("MACA-24-017")]
    [InlineData("Seen 3 times in 2025; 12 referrals over 18 months")]
    [InlineData("Strategy meeting at 09:30, 4 agencies present")]
    [InlineData("Action A1 due in 3 to 6 months")]
    [InlineData("documents/c-5016d3131dfd/POL/HX-01.docx")] // a cycle id's digits are not a date
    [InlineData("In 2023-24 there were 12 referrals")]
    [InlineData("documents/c-5a120315f0/POL/chronology.docx")]
    [InlineData("documents/c-6e6956328151/POL-A.docx")] // ten digits inside an id, passing Modulus 11, are not an NHS number
    public void PseudonymousReferencesAndOrdinaryNumbersPass(string text) =>
        Assert.Null(IdentifierGuard.TextProblem(text));

    [Fact]
    public void NamesOnThePartnershipsListAreCaughtAsWholeWordsOnly()
    {
        string[] names = ["Tallulah", "Okonkwo"];
        Assert.Contains("Tallulah", IdentifierGuard.TextProblem("Tallulah was seen alone", names));
        Assert.Contains("Okonkwo", IdentifierGuard.TextProblem("the OKONKWO family", names));
        Assert.Null(IdentifierGuard.TextProblem("Tallulahs is not a word on the list", names));
        Assert.Null(IdentifierGuard.TextProblem("Tallulah", null));
    }

    [Theory]
    [InlineData("N943-476-5919")]
    [InlineData("A9434765919")]
    [InlineData("REF-943-476-5919-B")]
    [InlineData("SW1A-1AA")]
    [InlineData("CASE-M1-1AE")]
    public void ACaseReferenceHidingAnNhsNumberOrAPostcodeIsRefused(string caseRef)
    {
        Assert.NotNull(IdentifierGuard.HiddenInCaseReference(caseRef));
        Assert.NotNull(IdentifierGuard.CaseReferenceProblem(caseRef));
    }

    [Theory]
    [InlineData("SH-2026-03")]
    [InlineData("EWMH-26-002")]
    [InlineData("NV-CSE-A1")]
    [InlineData("OT-2029-77")]
    [InlineData("NV-SH-001")]
    [InlineData("MACA-24-017")]
    [InlineData("LS-2029-01")]
    [InlineData("NV-BB-C2")]
    [InlineData("MACA-2024-000017")]
    public void ThePseudonymousReferencesInUseStillPass(string caseRef) =>
        Assert.Null(IdentifierGuard.CaseReferenceProblem(caseRef));

    [Fact]
    public void ACaseReferenceMustLookPseudonymous()
    {
        Assert.Null(IdentifierGuard.CaseReferenceProblem("SH-2026-03"));
        Assert.NotNull(IdentifierGuard.CaseReferenceProblem("9434765919"));
        Assert.NotNull(IdentifierGuard.CaseReferenceProblem(" "));
    }
}
