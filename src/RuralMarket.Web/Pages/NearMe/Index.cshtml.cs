using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Infrastructure.Geo;

namespace RuralMarket.Web.Pages.NearMe;

public sealed class IndexModel(IPostalCodeDirectory postalCodes, NearbySellers nearbySellers) : PageModel
{
    public const int SellersShown = 12;

    public sealed class LocationForm
    {
        [Display(Name = "ZIP code")]
        [StringLength(20)]
        public string? PostalCode { get; set; }

        public string? Latitude { get; set; }

        public string? Longitude { get; set; }
    }

    [BindProperty]
    public LocationForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public BuyerLocation? Location { get; private set; }

    public IReadOnlyList<NearbySeller> Sellers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(BuyerLocation.From(HttpContext), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var found = ModelState.IsValid ? LocationLookup.Find(postalCodes, Input.PostalCode, Input.Latitude, Input.Longitude) : new LocationLookup.Result(null, "Enter a ZIP code, like 05826.");
        if (found.Location is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.PostalCode)}", found.Error!);
            Input.Latitude = Input.Longitude = null;
            await LoadAsync(BuyerLocation.From(HttpContext), cancellationToken);
            return Page();
        }

        found.Location.Remember(HttpContext);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
    }

    public IActionResult OnPostForget()
    {
        BuyerLocation.Forget(HttpContext);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
    }

    private async Task LoadAsync(BuyerLocation? location, CancellationToken cancellationToken)
    {
        Location = location;
        if (location is not null)
        {
            Sellers = await nearbySellers.ListAsync(location.Point, SellersShown, cancellationToken);
        }
    }
}
