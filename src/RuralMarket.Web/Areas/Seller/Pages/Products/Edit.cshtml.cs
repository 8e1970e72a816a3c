using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.SellerProducts;

namespace RuralMarket.Web.Areas.Seller.Pages.Products;

/// <summary>One of the seller's products: its details, status and photos. Any id not the seller's answers 404.</summary>
[RequestSizeLimit(ProductImageOptions.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ProductImageOptions.MaxRequestBytes)]
public sealed class EditModel(RuralMarketDbContext db, SellerCatalog catalog, PublishingGuard publishingGuard, TimeProvider clock) : SellerPageModel, IProductFormPage
{
    [BindProperty]
    public ProductInput Input { get; set; } = new();

    /// <summary>What the seller changed, for the moderator, when they save a hidden product and ask for a review.</summary>
    [BindProperty]
    public string? AppealNote { get; set; }

    public ProductView Product { get; private set; } = null!;

    public SellerTerms Terms { get; private set; } = null!;

    public IReadOnlyList<string> PhotoErrors { get; private set; } = [];

    public ProductImageOptions ImageLimits => catalog.ImageOptions;

    /// <summary>Why the Publish button would be refused (no payout account yet), shown beside it.</summary>
    public string? PublishBlockedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.SellerId == Seller.Id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        Terms = await catalog.TermsAsync(Seller.Id, cancellationToken);
        Product = ProductView.Of(product);
        Input = ProductInput.From(product);
        PublishBlockedReason = Product.CanPublish ? await publishingGuard.WhyNotAsync(Seller.Id, cancellationToken) : null;
        return Page();
    }

    /// <summary>Saves the details; with <paramref name="appeal"/>, in the same save asks a moderator to review the hidden product (once).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, bool appeal, CancellationToken cancellationToken)
    {
        var product = await catalog.FindAsync(Seller.Id, id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        Terms = await catalog.TermsAsync(Seller.Id, cancellationToken);
        Product = ProductView.Of(product);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.Version != product.Version)
        {
            return await StaleAsync(id, cancellationToken);
        }

        try
        {
            Input.ToValues(Terms).ApplyTo(product, clock);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Page();
        }

        if (appeal)
        {
            try
            {
                product.AppealTakedown(AppealNote, clock);
            }
            catch (DomainException e)
            {
                // Beside the note when the appeal form is on the page; at the top of the form when it is not (already used).
                ModelState.AddModelError(Product.CanAppeal ? nameof(AppealNote) : string.Empty, e.Message);
                return Page();
            }
        }

        if (!await catalog.TrySaveAsync(cancellationToken))
        {
            return await StaleAsync(id, cancellationToken);
        }

        Flash(appeal ? "Saved, and a moderator has been asked to review it. We will email you their answer." : "Saved.");
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, string? back, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, back, p => p.Publish(clock), "Published: buyers can see it now.", cancellationToken, publishing: true);

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, string? back, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, back, p => p.Unpublish(clock), "Unpublished: it is a draft again and buyers cannot see it.", cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, string? back, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, back, p => p.Archive(clock), "Archived: buyers cannot see it. Restore it any time.", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, string? back, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, back, p => p.Unarchive(clock), "Restored as a draft. Publish it when it is ready.", cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(Guid id, List<IFormFile> photos, string? altText, CancellationToken cancellationToken)
    {
        var product = await catalog.FindAsync(Seller.Id, id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        var errors = await catalog.AddPhotosAsync(product, photos, altText, cancellationToken);
        if (errors.Count > 0)
        {
            // Show the product as it is stored: nothing of this upload was kept.
            db.ChangeTracker.Clear();
            return await ShowStoredAsync(id, errors, cancellationToken);
        }

        Flash(photos.Count == 1 ? "Photo added." : $"{photos.Count} photos added.");
        return RedirectToPage(null, null, new { id }, "photos");
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(Guid id, Guid imageId, CancellationToken cancellationToken)
    {
        var product = await catalog.FindAsync(Seller.Id, id, cancellationToken);
        if (product is null || product.Images.All(i => i.Id != imageId))
        {
            return NotFound();
        }

        Flash(await catalog.RemovePhotoAsync(product, imageId, cancellationToken) ?? "Photo removed.");
        return RedirectToPage(null, null, new { id }, "photos");
    }

    public async Task<IActionResult> OnPostMovePhotoAsync(Guid id, Guid imageId, int by, CancellationToken cancellationToken)
    {
        var product = await catalog.FindAsync(Seller.Id, id, cancellationToken);
        if (product is null || product.Images.All(i => i.Id != imageId))
        {
            return NotFound();
        }

        var problem = await catalog.MovePhotoAsync(product, imageId, by, cancellationToken);
        if (problem is not null)
        {
            Flash(problem);
        }

        return RedirectToPage(null, null, new { id }, "photos");
    }

    private async Task<IActionResult> ChangeStatusAsync(Guid id, string? back, Action<Product> change, string done, CancellationToken cancellationToken, bool publishing = false)
    {
        var product = await catalog.FindAsync(Seller.Id, id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        if (publishing && Seller.IsSuspended)
        {
            Flash("Your shop is suspended, so you cannot publish products until it is reinstated. Nothing was changed.");
        }
        else if (publishing && await publishingGuard.WhyNotAsync(Seller.Id, cancellationToken) is { } blocked)
        {
            Flash($"{blocked} Go to Payouts ({PublishingGuard.PayoutSetupPath}). Nothing was changed.");
        }
        else
        {
            try
            {
                change(product);
                Flash(await catalog.TrySaveAsync(cancellationToken) ? done : SellerCatalog.StaleMessage);
            }
            catch (DomainException e)
            {
                Flash(e.Message + " Nothing was changed.");
            }
        }

        return back == "list" ? RedirectToPage("Index") : RedirectToPage(new { id });
    }

    /// <summary>
    /// Someone saved the product since this form was shown. Keep what the seller typed, say so, and carry the
    /// current version so that saving again is a deliberate choice to overwrite.
    /// </summary>
    private async Task<IActionResult> StaleAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.Products.AsNoTracking().SingleAsync(p => p.Id == id && p.SellerId == Seller.Id, cancellationToken);
        Product = ProductView.Of(current);
        Input.Version = current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(ProductInput.Version)}");
        ModelState.AddModelError(string.Empty, SellerCatalog.StaleMessage + " Your version is still in the form below; save again to replace theirs with it.");
        return Page();
    }

    private async Task<IActionResult> ShowStoredAsync(Guid id, IReadOnlyList<string> photoErrors, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleAsync(p => p.Id == id && p.SellerId == Seller.Id, cancellationToken);
        Terms = await catalog.TermsAsync(Seller.Id, cancellationToken);
        Product = ProductView.Of(product);
        Input = ProductInput.From(product);
        ModelState.Clear();
        PhotoErrors = photoErrors;
        return Page();
    }
}
