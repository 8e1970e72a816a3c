using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Geo;
using RuralMarket.Web.Features.Cart;
using RuralMarket.Web.Features.Checkout;

namespace RuralMarket.Web.Pages.Checkout;

[Authorize]
public sealed class IndexModel(CartReader carts, PlaceCheckout placeCheckout, IPostalCodeDirectory postalCodes, RuralMarketDbContext db) : PageModel
{
    [BindProperty]
    public CheckoutInput Input { get; set; } = new();

    public CartView Cart { get; private set; } = CartView.Empty;

    public bool NeedsAddress => Cart.ReadyGroups.Any(g => g.ChosenMethod is FulfilmentMethod.Shipping or FulfilmentMethod.LocalDelivery);

    public bool NeedsPickup => Cart.ReadyGroups.Any(g => g.ChosenMethod == FulfilmentMethod.Pickup);

    private string BuyerUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var name = await db.Users.Where(u => u.Id == BuyerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        Input.Name = name;
        Input.PickupName = name;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (postedCartId, postedVersion, postedTotal) = (Input.CartId, Input.CartVersion, Input.ShownTotal);
        await LoadAsync(cancellationToken);
        (Input.CartId, Input.CartVersion, Input.ShownTotal) = (postedCartId, postedVersion, postedTotal);
        RequireDetails();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await placeCheckout.PlaceAsync(BuyerUserId, Input, ReturnUrls, cancellationToken);
        if (result.RedirectTo is { } next)
        {
            return Redirect(next.ToString());
        }

        ModelState.AddModelError(string.Empty, result.Problem!);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private (Uri Success, Uri Cancel) ReturnUrls(Guid checkoutId) =>
        (new Uri(Url.PageLink("/Checkout/Done", values: new { id = checkoutId })!), new Uri(Url.PageLink("/Checkout/Done", values: new { id = checkoutId })!));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Cart = await carts.LoadAsync(new CartOwner(BuyerUserId, null), cancellationToken);
        if (Cart.CartId is { } cartId)
        {
            Input.CartId = cartId;
            Input.CartVersion = await db.Carts.Where(c => c.Id == cartId).Select(c => c.Version).SingleAsync(cancellationToken);
            Input.ShownTotal = Cart.GrandTotal?.Amount;
            ModelState.Remove($"{nameof(Input)}.{nameof(CheckoutInput.CartVersion)}");
            ModelState.Remove($"{nameof(Input)}.{nameof(CheckoutInput.ShownTotal)}");
            ModelState.Remove($"{nameof(Input)}.{nameof(CheckoutInput.CartId)}");
        }
    }

    private void RequireDetails()
    {
        if (NeedsAddress)
        {
            Require(Input.Name, nameof(CheckoutInput.Name), "Enter the name of the person receiving the order.");
            Require(Input.Line1, nameof(CheckoutInput.Line1), "Enter the first line of the delivery address.");
            Require(Input.Town, nameof(CheckoutInput.Town), "Enter the town.");
            Require(Input.CountryCode, nameof(CheckoutInput.CountryCode), "Enter the two-letter country code, like US.");
            foreach (var (field, message) in DeliveryAddressCheck.Problems(Input, Cart.ReadyGroups, postalCodes))
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }
        }

        if (NeedsPickup)
        {
            Require(Input.PickupName ?? Input.Name, nameof(CheckoutInput.PickupName), "Enter the name of the person collecting the order.");
        }
    }

    private void Require(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }
    }
}
