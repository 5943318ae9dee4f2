using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Maca.Functions.Tests.Pages;

/// <summary>Reading pages and posting their forms the way a browser does, with the page's anti-forgery token.</summary>
public static class PageForms
{
    private static readonly HtmlParser Parser = new();

    public static string Token(IHtmlDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts, then follows a redirect by hand (a coordinator's bearer header is not carried across redirects).</summary>
    public static async Task<IHtmlDocument> PostAndFollowAsync(HttpClient client, string url, HttpContent content)
    {
        var response = await client.PostAsync(url, content);
        return await PageAsync(response.Headers.Location is { } next ? await client.GetAsync(next) : response);
    }

    public static FormUrlEncodedContent Form(IHtmlDocument page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Token(page))));
}
