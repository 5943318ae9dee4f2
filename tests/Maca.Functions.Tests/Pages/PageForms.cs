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

    public static FormUrlEncodedContent Form(IHtmlDocument page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Token(page))));
}
