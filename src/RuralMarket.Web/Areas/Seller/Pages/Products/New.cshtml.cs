using Microsoft.AspNetCore.Mvc;
using RuralMarket.Domain.Common;
using RuralMarket.Web.Features.SellerProducts;

namespace RuralMarket.Web.Areas.Seller.Pages.Products;

/// <summary>A new product starts as a draft; photos and publishing come on its edit page.</summary>
public sealed class NewModel(SellerCatalog catalog) : SellerPageModel, IProductFormPage
{
    [BindProperty]
    public ProductInput Input { get; set; } = new();

    public SellerTerms Terms { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Terms = await catalog.TermsAsync(Seller.Id, cancellationToken);
        Input = ProductInput.For(Terms);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Terms = await catalog.TermsAsync(Seller.Id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var product = await catalog.CreateAsync(Seller.Id, Input.ToValues(Terms), cancellationToken);
            Flash("Saved as a draft. Add photos, then publish it when it is ready.");
            return RedirectToPage("Edit", new { id = product.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Page();
        }
    }
}
