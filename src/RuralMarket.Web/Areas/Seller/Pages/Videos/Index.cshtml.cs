using RuralMarket.Web.Features.SellerVideos;

namespace RuralMarket.Web.Areas.Seller.Pages.Videos;

/// <summary>The seller's videos, newest first, with where each one stands.</summary>
public sealed class IndexModel(SellerVideoLibrary library) : SellerPageModel
{
    public IReadOnlyList<SellerVideoRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await library.ListAsync(Seller.Id, cancellationToken);
}
