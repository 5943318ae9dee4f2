using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Maca.Functions.Documents;

/// <summary>
/// A page form with a file: read section by section (never buffered whole), then its anti-forgery token checked by
/// hand against the fields read, since MVC's own check would read the whole body first. Null means refuse (400).
/// The page's handler must take no parameters, or MVC's binding would read the body before this can.
/// </summary>
public static class MultipartPageForm
{
    public static async Task<UploadForm?> ReadAsync(HttpContext http, IAntiforgery antiforgery, string fileField)
    {
        var posted = await UploadReader.ReadAsync(http.Request, fileField, http.RequestAborted);
        if (posted is null) return null;
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(posted.Fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)))));
        if (await antiforgery.IsRequestValidAsync(http)) return posted;
        posted.File.Dispose();
        return null;
    }
}
