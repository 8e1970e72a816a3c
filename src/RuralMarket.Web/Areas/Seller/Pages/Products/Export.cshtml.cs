using System.Text;
using Microsoft.AspNetCore.Mvc;
using RuralMarket.Web.Features.SellerProducts;

namespace RuralMarket.Web.Areas.Seller.Pages.Products;

/// <summary>All the seller's products as a UTF-8 CSV file (RFC 4180), in the columns the import reads.</summary>
public sealed class ExportModel(ProductCsvImport csv) : SellerPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var text = await csv.ExportAsync(Seller.Id, cancellationToken);
        // The byte order mark makes spreadsheet programs read the file as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"{Seller.Slug}-products.csv");
    }
}
