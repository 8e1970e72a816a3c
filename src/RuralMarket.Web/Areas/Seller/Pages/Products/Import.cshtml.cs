using System.Text;
using Microsoft.AspNetCore.Mvc;
using RuralMarket.Web.Features.SellerProducts;

namespace RuralMarket.Web.Areas.Seller.Pages.Products;

/// <summary>Creates and updates products from a CSV file; any bad row means nothing is saved and every problem is listed.</summary>
[RequestSizeLimit(ProductCsvImport.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ProductCsvImport.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(ProductCsvImport csv) : SellerPageModel
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public CsvImportResult? Result { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Choose a CSV file to import.");
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        if (file.Length > ProductCsvImport.MaxFileBytes)
        {
            ModelState.AddModelError(string.Empty, $"That file is {FileSizes.Describe(file.Length)}; import files of at most {FileSizes.Describe(ProductCsvImport.MaxFileBytes)}.");
            return Page();
        }

        string text;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), StrictUtf8, detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(string.Empty, "That file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8”.");
            return Page();
        }

        Result = await csv.ImportAsync(Seller.Id, text, cancellationToken);
        if (!Result.Succeeded)
        {
            return Page();
        }

        Flash($"Imported: {Result.Created} new {(Result.Created == 1 ? "product" : "products")} (as drafts), {Result.Updated} updated.");
        return RedirectToPage("Index");
    }
}
