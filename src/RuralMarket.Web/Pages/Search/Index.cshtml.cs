using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using RuralMarket.Infrastructure.Geo;
using RuralMarket.Infrastructure.Search;
using RuralMarket.Web.Infrastructure;
using RuralMarket.Web.Pages.NearMe;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Search;

[OutputCache(PolicyName = StorefrontCache.Policy)]
public sealed class IndexModel(ICatalogSearch search, IPostalCodeDirectory postalCodes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SearchForm Form { get; set; } = new();

    public CatalogSearchResults Results { get; private set; } = new([], 0, 1, CatalogSearch.PageSize, CatalogSort.Newest, false);

    public IReadOnlyList<ProductCardView> Cards { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? PostalCodeError { get; private set; }

    public BuyerLocation? Location { get; private set; }

    public string? Text => CatalogSearch.CleanText(Form.Text);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Location = BuyerLocation.From(HttpContext);
        if (!string.IsNullOrWhiteSpace(Form.PostalCode))
        {
            var found = LocationLookup.Find(postalCodes, Form.PostalCode, null, null);
            if (found.Location is null)
            {
                PostalCodeError = found.Error;
            }
            else if (found.Location != Location)
            {
                // The ZIP code in the filters is remembered like the one on the Near me page.
                Location = found.Location;
                Location.Remember(HttpContext);
            }
        }

        var (query, problems) = Form.ToQuery(Location?.Point);
        Problems = problems;
        Results = await search.SearchAsync(query, cancellationToken);
        Cards = Results.Items
            .Select(h => ProductCardView.For(h.Title, h.ProductSlug, h.SellerName, h.SellerSlug, h.Town, h.Region, h.Price, h.UnitLabel, h.Stock, h.CategoryId, h.HasVideo, h.DistanceKm, h.CoverImageKey, h.DeliversToBuyer))
            .ToList();
    }

    /// <summary>This search's address with another page number (every other field kept).</summary>
    public string PageUrl(int page)
    {
        var query = Request.Query
            .Where(q => q.Key != "page" && !string.IsNullOrEmpty(q.Value))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return "/search" + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }
}
