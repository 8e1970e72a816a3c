using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Domain.Catalog;
using RuralMarket.Web.Features.Cart;
using RuralMarket.Web.Features.Watch;

namespace RuralMarket.Web.Pages.Cart;

/// <summary>
/// The cart at /cart, and its forms: /cart/add (from product pages), /cart/update, /cart/remove, /cart/fulfilment.
/// Every post redirects back (PRG) with a message; antiforgery is checked by Razor Pages (400 without a token).
/// </summary>
public sealed class IndexModel(CartReader reader, CartEditor editor, VideoTagClickRecorder videoClicks) : PageModel
{
    public const string ProblemKey = "CartProblem";

    public CartView Contents { get; private set; } = CartView.Empty;

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Problem = TempData[ProblemKey] as string;
        Contents = await reader.LoadAsync(HttpContext, cancellationToken);
    }

    /// <summary>A product page's "Add to cart": to the cart with "Added …", or back to the product saying why not.</summary>
    /// <remarks>From a video's product list (<paramref name="videoId"/>): the add also counts for the video, and the buyer goes back to <paramref name="returnUrl"/>.</remarks>
    public async Task<IActionResult> OnPostAddAsync(Guid productId, int? quantity, Guid? videoId, string? returnUrl, CancellationToken cancellationToken)
    {
        if (HasError(nameof(productId)) || productId == Guid.Empty)
        {
            return BadRequest();
        }

        // A missing quantity means one; one that is not a whole number is refused like any other bad quantity.
        var wanted = quantity ?? (HasError(nameof(quantity)) ? 0 : 1);
        var outcome = await editor.AddAsync(HttpContext, productId, wanted, cancellationToken);
        if (outcome.Kind == CartOutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (videoId is { } fromVideo && outcome.Succeeded)
        {
            await videoClicks.RecordAddToCartAsync(HttpContext, fromVideo, productId, cancellationToken);
        }

        TempData["Flash"] = outcome.Message;
        if (videoId is not null && Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }

        return Redirect(outcome.Succeeded ? "/cart" : outcome.ProductUrl ?? "/cart");
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid productId, int? quantity, CancellationToken cancellationToken) =>
        Show(quantity is { } wanted && !HasError(nameof(quantity))
            ? await editor.ChangeQuantityAsync(CartOwner.Of(HttpContext), productId, wanted, cancellationToken)
            : CartOutcome.Refused("Enter a whole number for the quantity (0 removes the product)."));

    public async Task<IActionResult> OnPostRemoveAsync(Guid productId, CancellationToken cancellationToken) =>
        Show(await editor.RemoveAsync(CartOwner.Of(HttpContext), productId, cancellationToken));

    public async Task<IActionResult> OnPostFulfilmentAsync(Guid sellerId, FulfilmentMethod? method, CancellationToken cancellationToken) =>
        Show(method is { } chosen && !HasError(nameof(method))
            ? await editor.ChooseFulfilmentAsync(CartOwner.Of(HttpContext), sellerId, chosen, cancellationToken)
            : CartOutcome.Refused("Choose how you would like to get this seller's products."));

    private bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    private RedirectResult Show(CartOutcome outcome)
    {
        TempData[outcome.Succeeded ? "Flash" : ProblemKey] = outcome.Message;
        return Redirect("/cart");
    }
}
