using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Tests.Support;

namespace Maca.Orchestrations.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = TestCalendar.Instance;
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void FiveWorkingDaysFromAFridayLandsOnTheNextFriday() =>
        Assert.Equal(D(2026, 12, 11), Calendar.AddWorkingDays(D(2026, 12, 4), 5));

    [Fact]
    public void ChristmasAndTheSubstituteBoxingDayAreSkippedIn2026()
    {
        // Fri 25 Dec 2026 is Christmas; Boxing Day falls on Saturday so Monday 28 is the substitute.
        Assert.Equal(D(2026, 12, 29), Calendar.AddWorkingDays(D(2026, 12, 24), 1));
        Assert.Equal(D(2026, 12, 24), Calendar.AddWorkingDays(D(2026, 12, 29), -1));
    }

    [Fact]
    public void EasterFridayAndMondayAreSkippedIn2027() =>
        Assert.Equal(D(2027, 3, 30), Calendar.AddWorkingDays(D(2027, 3, 25), 1));

    [Fact]
    public void NewYearsDayOnASaturdayMovesToMonday3January2028()
    {
        Assert.False(Calendar.IsWorkingDay(D(2028, 1, 3)));
        Assert.Equal(D(2028, 1, 4), Calendar.AddWorkingDays(D(2027, 12, 31), 1));
    }

    [Fact]
    public void ZeroWorkingDaysRollsAWeekendForwardToMonday() =>
        Assert.Equal(D(2026, 11, 30), Calendar.AddWorkingDays(D(2026, 11, 28), 0));

    [Fact]
    public void NineInTheMorningIsNineGmtInWinterAndEightUtcInSummer()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero), WorkingCalendar.AtUkTime(D(2026, 12, 14), new TimeOnly(9, 0)));
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.Zero), WorkingCalendar.AtUkTime(D(2026, 6, 15), new TimeOnly(9, 0)));
    }

    [Fact]
    public void ALateEveningUtcInstantInSummerIsTheNextUkDate() =>
        Assert.Equal(D(2026, 7, 2), WorkingCalendar.UkDate(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void DeadlinesAreCloseOfBusinessOnTheNextWorkingDay() =>
        Assert.Equal(TestCalendar.Uk(2026, 12, 29, 17), Calendar.DeadlineOn(D(2026, 12, 25)));

    [Fact]
    public void DatesAreWrittenTheWayPeopleInTheUkReadThem()
    {
        Assert.Equal("Friday 11 December 2026", WorkingCalendar.FormatDate(D(2026, 12, 11)));
        Assert.Equal("Monday 15 June 2026 at 10:30", WorkingCalendar.FormatInstant(new DateTimeOffset(2026, 6, 15, 9, 30, 0, TimeSpan.Zero)));
    }
}
