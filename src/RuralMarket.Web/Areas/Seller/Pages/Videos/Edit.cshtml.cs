using Microsoft.AspNetCore.Mvc;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Web.Features.SellerVideos;

namespace RuralMarket.Web.Areas.Seller.Pages.Videos;

/// <summary>
/// One of the seller's videos: preview, title and description, product tags at a second of the video,
/// captions, publish, retry and delete. Any id not the seller's answers 404 and changes nothing.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class EditModel(SellerVideoLibrary library, TimeProvider clock) : SellerPageModel
{
    private const int MaxRequestBytes = SellerVideoLibrary.MaxCaptionBytes + (64 * 1024);

    [BindProperty]
    public VideoDetailsInput Details { get; set; } = new();

    [BindProperty]
    public VideoTagInput NewTag { get; set; } = new();

    /// <summary>What the seller changed, for the moderator, when they save a hidden video and ask for a review.</summary>
    [BindProperty]
    public string? AppealNote { get; set; }

    public SellerVideoDetail Video { get; private set; } = null!;

    public IReadOnlyList<TaggableProduct> Products { get; private set; } = [];

    /// <summary>Which form a problem belongs to ("details", "tag", "tags", "captions"), so it shows beside that form.</summary>
    public string? ProblemIn { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Details = new VideoDetailsInput { Title = Video.Title, Description = Video.Description, Version = Video.Version };
        return Page();
    }

    /// <summary>Saves the title and description; with <paramref name="appeal"/>, in the same save asks a moderator to review the hidden video (once).</summary>
    public async Task<IActionResult> OnPostDetailsAsync(Guid id, bool appeal, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        OnlyValidate(nameof(Details));
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, "details", null, keepDetails: true, cancellationToken);
        }

        if (Details.Version != video.Version)
        {
            return await ShowAsync(id, "details", SellerVideoLibrary.StaleMessage, keepDetails: true, cancellationToken);
        }

        try
        {
            video.UpdateDetails(Details.Title, Details.Description);
        }
        catch (DomainException e)
        {
            return await ShowAsync(id, "details", e.Message, keepDetails: true, cancellationToken);
        }

        if (appeal)
        {
            try
            {
                video.AppealTakedown(AppealNote, clock);
            }
            catch (DomainException e)
            {
                // Beside the note when the appeal form is on the page; above the details when it is not (already used).
                return await ShowAsync(id, video.CanAppeal ? "appeal" : "details", e.Message + " Nothing was saved.", keepDetails: true, cancellationToken);
            }
        }

        if (!await library.TrySaveAsync(cancellationToken))
        {
            return await ShowAsync(id, "details", SellerVideoLibrary.StaleMessage, keepDetails: true, cancellationToken);
        }

        Flash(appeal ? "Saved, and a moderator has been asked to review it. We will email you their answer." : "Saved.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTagAsync(Guid id, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        OnlyValidate(nameof(NewTag));
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, "tag", null, keepDetails: false, cancellationToken);
        }

        if (!await library.IsTaggableAsync(Seller.Id, NewTag.ProductId!.Value, cancellationToken))
        {
            return await ShowAsync(id, "tag", "Choose one of your products that is on sale (published and not hidden).", keepDetails: false, cancellationToken);
        }

        return await ChangeTagsAsync(id, () => video.Tag(NewTag.ProductId.Value, NewTag.StartSecond!.Value, NewTag.EndSecond), "tag", "Product tagged.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRetagAsync(Guid id, Guid tagId, int? startSecond, int? endSecond, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null || video.ProductTags.All(t => t.Id != tagId))
        {
            return NotFound();
        }

        OnlyValidate("tagId", "startSecond", "endSecond");
        if (!ModelState.IsValid || startSecond is null)
        {
            return await ShowAsync(id, "tags", "Enter the seconds as whole numbers, the start at least.", keepDetails: false, cancellationToken);
        }

        return await ChangeTagsAsync(id, () => video.Retag(tagId, startSecond.Value, endSecond), "tags", "Tag moved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostUntagAsync(Guid id, Guid tagId, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null || video.ProductTags.All(t => t.Id != tagId))
        {
            return NotFound();
        }

        return await ChangeTagsAsync(id, () => video.Untag(tagId), "tags", "Tag removed.", cancellationToken);
    }

    public async Task<IActionResult> OnPostCaptionsAsync(Guid id, IFormFile? captions, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        var problem = await library.SetCaptionsAsync(video, captions, cancellationToken);
        if (problem is not null)
        {
            return await ShowAsync(id, "captions", problem, keepDetails: false, cancellationToken);
        }

        Flash("Captions added: viewers can turn them on in the player.");
        return RedirectToPage(null, null, new { id }, "captions");
    }

    public async Task<IActionResult> OnPostRemoveCaptionsAsync(Guid id, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        Flash(await library.RemoveCaptionsAsync(video, cancellationToken) ?? "Captions removed.");
        return RedirectToPage(null, null, new { id }, "captions");
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, video =>
        {
            if (Seller.IsSuspended)
            {
                throw new DomainException("Your shop is suspended, so you cannot publish videos until it is reinstated.");
            }

            video.Publish(clock);
        }, "Published: buyers can watch it now.", cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, video => video.Unpublish(), "Unpublished: buyers cannot see it any more.", cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        try
        {
            Flash(await library.RetryAsync(video, cancellationToken) ?? "Converting it again. This usually takes a minute or two.");
        }
        catch (DomainException e)
        {
            Flash(e.Message + " Nothing was changed.");
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        if (!confirm)
        {
            Flash("Tick “Yes, delete this video” to delete it. Nothing was deleted.");
            return RedirectToPage(null, null, new { id }, "delete");
        }

        var title = video.Title;
        await library.DeleteAsync(video, cancellationToken);
        Flash($"Deleted “{title}” and its files.");
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> ChangeTagsAsync(Guid id, Action change, string form, string done, CancellationToken cancellationToken)
    {
        try
        {
            change();
        }
        catch (DomainException e)
        {
            return await ShowAsync(id, form, e.Message, keepDetails: false, cancellationToken);
        }

        if (!await library.TrySaveAsync(cancellationToken))
        {
            return await ShowAsync(id, form, SellerVideoLibrary.StaleMessage, keepDetails: false, cancellationToken);
        }

        Flash(done);
        return RedirectToPage(null, null, new { id }, "tags");
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Action<VideoListing> change, string done, CancellationToken cancellationToken)
    {
        var video = await library.FindAsync(Seller.Id, id, cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        try
        {
            change(video);
            Flash(await library.TrySaveAsync(cancellationToken) ? done : SellerVideoLibrary.StaleMessage);
        }
        catch (DomainException e)
        {
            Flash(e.Message + " Nothing was changed.");
        }

        return RedirectToPage(new { id });
    }

    /// <summary>Shows the page again as stored, with the problem beside the form it belongs to (nothing was saved).</summary>
    private async Task<IActionResult> ShowAsync(Guid id, string form, string? problem, bool keepDetails, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!keepDetails)
        {
            Details = new VideoDetailsInput { Title = Video.Title, Description = Video.Description, Version = Video.Version };
        }

        ProblemIn = form;
        Problem = problem;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var video = await library.DetailAsync(Seller.Id, id, cancellationToken);
        if (video is null)
        {
            return false;
        }

        Video = video;
        Products = await library.TaggableProductsAsync(Seller.Id, cancellationToken);
        return true;
    }

    /// <summary>
    /// Both forms' inputs are bound on every post (a form that was not sent binds with no prefix); only the
    /// fields of the form that was sent are checked.
    /// </summary>
    private void OnlyValidate(params string[] fields)
    {
        foreach (var key in ModelState.Keys.Where(k => !fields.Any(f => k == f || k.StartsWith(f + ".", StringComparison.Ordinal))).ToList())
        {
            ModelState.Remove(key);
        }
    }
}
