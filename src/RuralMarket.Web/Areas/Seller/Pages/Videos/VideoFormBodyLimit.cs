using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Media.Video.Upload;

namespace RuralMarket.Web.Areas.Seller.Pages.Videos;

/// <summary>
/// The plain (no-JavaScript) video form may carry up to <see cref="VideoUploadOptions.MaxFormBytes"/>, more than
/// Kestrel's usual body limit, so the limit is raised for this page only, before antiforgery reads the form. A post
/// that says it is bigger is not read at all: the seller is sent back to the page with the reason.
/// </summary>
public sealed class VideoFormBodyLimit(IOptions<VideoUploadOptions> options) : IAuthorizationFilter
{
    /// <summary>Room for the form's other fields and the multipart boundaries around the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }

        var limit = options.Value.MaxFormBytes + FormOverheadBytes;
        if (http.Request.ContentLength is { } length && length > limit)
        {
            context.Result = new RedirectResult($"{http.Request.PathBase}{http.Request.Path}?tooLarge={length}");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (!http.Request.HasFormContentType || http.Features.Get<IFormFeature>()?.Form is not null)
        {
            return;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
