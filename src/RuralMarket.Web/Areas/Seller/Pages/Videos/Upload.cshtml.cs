using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Media.Video.Probe;
using RuralMarket.Infrastructure.Media.Video.Upload;
using RuralMarket.Web.Endpoints;

namespace RuralMarket.Web.Areas.Seller.Pages.Videos;

/// <summary>
/// A seller adds a video: with JavaScript the file goes up in pieces over tus (resumable) and this page's post only
/// "finishes" it by its upload id; without JavaScript the same form posts the file itself (small files only).
/// Either way the file is probed, then refused with the reason or stored and sent for processing.
/// </summary>
[TypeFilter(typeof(VideoFormBodyLimit))]
public sealed class UploadModel(VideoUploadAcceptance acceptance, IOptions<VideoUploadOptions> options) : SellerPageModel
{
    /// <summary>The size of each tus piece: small enough to resend cheaply on a weak link, big enough to keep requests few.</summary>
    public const int ChunkBytes = 4 * 1024 * 1024;

    [BindProperty]
    public VideoUploadInput Input { get; set; } = new();

    public VideoUploadOptions Limits => options.Value;

    public string Endpoint => TusEndpoints.Route;

    public bool CanUpload => Seller.Status == SellerStatus.Approved;

    public void OnGet(long? tooLarge)
    {
        if (tooLarge is > 0)
        {
            ModelState.AddModelError(string.Empty, TooLargeForForm(tooLarge.Value));
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!CanUpload)
        {
            ModelState.AddModelError(string.Empty, "You cannot add videos while your shop is suspended.");
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        UploadFinish outcome;
        if (!string.IsNullOrEmpty(Input.UploadId))
        {
            outcome = await acceptance.FinishAsync(Seller.Id, Input.UploadId, Input.Title, Input.Description, cancellationToken);
        }
        else if (file is null)
        {
            ModelState.AddModelError(string.Empty, "Choose the video file to upload.");
            return Page();
        }
        else if (file.Length > Limits.MaxFormBytes)
        {
            ModelState.AddModelError(string.Empty, TooLargeForForm(file.Length));
            return Page();
        }
        else
        {
            await using var content = file.OpenReadStream();
            outcome = await acceptance.AcceptFormUploadAsync(Seller.Id, Input.Title, Input.Description, content, file.FileName, cancellationToken);
        }

        if (outcome.VideoId is { } videoId)
        {
            Flash($"“{Input.Title.Trim()}” is uploaded. We are preparing it for phones and slow connections; it is ready to publish in a few minutes.");
            return Redirect($"/Seller/Videos/{videoId}");
        }

        ModelState.AddModelError(string.Empty, outcome.Problem!);
        if (!outcome.UploadKept)
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.UploadId)}");
            Input.UploadId = null;
        }

        return Page();
    }

    private string TooLargeForForm(long bytes) =>
        $"This file is {FileSize.Describe(bytes)}. Without JavaScript, videos can be at most {FileSize.Describe(Limits.MaxFormBytes)}: turn JavaScript on to upload files up to {FileSize.Describe(Limits.MaxBytes)} (they carry on after a lost connection), or trim the video.";
}
