using System.Globalization;

namespace Maca.Orchestrations.Calendar;

/// <summary>
/// Working days as partnerships count them: Monday to Friday, not a bank holiday in England and Wales,
/// in Europe/London time. Deadlines are stored as UTC instants and shown as UK dates.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> bankHolidays)
{
    public static readonly TimeOnly ChaserTime = new(9, 0);
    public static readonly TimeOnly CloseOfBusiness = new(17, 0);
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");
    private readonly HashSet<DateOnly> _holidays = [.. bankHolidays];

    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>Moves <paramref name="days"/> working days forward (or back when negative). Zero rolls forward to a working day.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        if (days == 0) return NextWorkingDayOnOrAfter(date);
        var step = Math.Sign(days);
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>The UK calendar date of an instant.</summary>
    public static DateOnly UkDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    /// <summary>A UK wall-clock time on a UK date, as a UTC instant (GMT or BST as the date requires).</summary>
    public static DateTimeOffset AtUkTime(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), London), TimeSpan.Zero);

    /// <summary>A deadline: close of business (17:00 UK) on a working day.</summary>
    public DateTimeOffset DeadlineOn(DateOnly date) => AtUkTime(NextWorkingDayOnOrAfter(date), CloseOfBusiness);

    /// <summary>"Friday 12 December 2026".</summary>
    public static string FormatDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", UkCulture);

    /// <summary>"Friday 12 December 2026 at 10:00" in UK time.</summary>
    public static string FormatInstant(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London);
        return $"{FormatDate(DateOnly.FromDateTime(local.DateTime))} at {local:HH:mm}";
    }
}
