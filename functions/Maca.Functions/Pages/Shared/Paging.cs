namespace Maca.Functions.Pages.Shared;

/// <summary>
/// One page of a list: which page is shown (a number past either end is clamped to it, so an old link still
/// lands), how many there are, and the page numbers a GOV.UK pagination component offers, null for an ellipsis.
/// </summary>
public sealed record Paging(int Current, int Count, int Size)
{
    public static Paging Of(int? requested, int total, int size)
    {
        var count = Math.Max(1, (total + size - 1) / size);
        return new Paging(Math.Clamp(requested ?? 1, 1, count), count, size);
    }

    public IEnumerable<T> Take<T>(IEnumerable<T> items) => items.Skip((Current - 1) * Size).Take(Size);

    /// <summary>The first and last pages and those either side of the current one; a gap is an ellipsis.</summary>
    public IReadOnlyList<int?> Numbers
    {
        get
        {
            var shown = new[] { 1, Current - 1, Current, Current + 1, Count }
                .Where(n => n >= 1 && n <= Count).Distinct().Order().ToList();
            var numbers = new List<int?>();
            foreach (var n in shown)
            {
                if (numbers.LastOrDefault() is { } last && n > last + 1) numbers.Add(null);
                numbers.Add(n);
            }
            return numbers;
        }
    }
}
