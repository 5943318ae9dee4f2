using System.Globalization;

namespace Maca.Functions.Pages.Shared;

/// <summary>A time typed as people type it: "10:00", "9:30" or "14.15", UK time.</summary>
public static class TimeOfDay
{
    private static readonly string[] Formats = ["H:mm", "HH:mm", "H.mm", "HH.mm"];

    public static TimeOnly? Read(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
