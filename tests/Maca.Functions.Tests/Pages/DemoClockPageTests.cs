using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>The Development-only demo clock page moves the same clock the API does, and refuses nonsense.</summary>
[Collection(AppCollection.Name)]
public sealed class DemoClockPageTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task TheDemoClockMovesForwardByWholeDaysOnly()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var coordinator = app.CreateCoordinatorClient(followRedirects: false);
        async Task<TimeSpan> OffsetAsync() => TimeSpan.Parse((await api.OkJsonAsync(HttpMethod.Get, "/api/dev/clock"))["offset"]!.GetValue<string>(),
            System.Globalization.CultureInfo.InvariantCulture);
        var before = await OffsetAsync();
        var page = await PageAsync(await coordinator.GetAsync("/dev/clock"));
        var refused = await PageAsync(await coordinator.PostAsync("/dev/clock", Form(page, ("days", "-3"))));
        Assert.StartsWith("Error: ", refused.Title);
        var moved = await PostAndFollowAsync(coordinator, "/dev/clock", Form(page, ("days", "3")));
        Assert.NotNull(moved.QuerySelector("#now"));
        Assert.Equal(TimeSpan.FromDays(3), await OffsetAsync() - before); // the offset, not the wall clock: no timing in this test
    }
}
