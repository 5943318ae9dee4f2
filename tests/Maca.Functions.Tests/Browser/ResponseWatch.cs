using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>
/// Every response a browser test's pages get, watched: a 4xx or 5xx (a stylesheet, a font, an image, the page
/// itself) or a request that fails is kept, unless the test allowed that status for that path because it visits a
/// broken link on purpose. The page checks and the end of each test fail on anything kept.
/// </summary>
public sealed class ResponseWatch
{
    private static readonly ConditionalWeakTable<IBrowserContext, ResponseWatch> Watches = new();
    private readonly ConcurrentQueue<(int Status, string Path, string What)> _bad = new();
    private readonly ConcurrentDictionary<IRequest, int> _answered = new();
    private readonly ConcurrentBag<(int Status, string Path)> _allowed = [];

    public static ResponseWatch? For(IBrowserContext context) => Watches.TryGetValue(context, out var w) ? w : null;

    public void Watch(IBrowserContext context)
    {
        Watches.AddOrUpdate(context, this);
        context.Response += (_, response) =>
        {
            _answered[response.Request] = response.Status;
            if (response.Status >= 400)
            {
                var path = new Uri(response.Url).AbsolutePath;
                _bad.Enqueue((response.Status, path, $"{response.Status} {response.Url}"));
            }
        };
        context.RequestFailed += (_, request) =>
        {
            // A download is answered, then ends the navigation the browser started for it: not a failure.
            if (_answered.TryGetValue(request, out var status) && status < 400) return;
            _bad.Enqueue((0, new Uri(request.Url).AbsolutePath, $"{request.Failure} {request.Url}"));
        };
    }

    /// <summary>A response the test expects, because it opens a page that is meant to be missing or refused.</summary>
    public void Allow(int status, string path) => _allowed.Add((status, path));

    public void AssertNone()
    {
        var unexpected = _bad.Where(b => !_allowed.Contains((b.Status, b.Path))).Select(b => b.What).ToList();
        Assert.True(unexpected.Count == 0,
            "Requests that failed or answered 4xx/5xx:\n" + string.Join("\n", unexpected));
    }
}
