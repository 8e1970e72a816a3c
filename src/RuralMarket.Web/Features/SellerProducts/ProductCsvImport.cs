using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Features.SellerProducts;

public sealed record CsvRowError(int Line, string Message);

public sealed record CsvImportResult(int Created, int Updated, IReadOnlyList<CsvRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// A seller's products as a spreadsheet: export every product, import to create new ones and update
/// existing ones (matched by the id column, else by the slug column). Every row is checked by the same
/// domain rules as the form; if any row is wrong nothing is saved and every problem is reported with its line.
/// </summary>
public sealed class ProductCsvImport(RuralMarketDbContext db, SellerCatalog catalog, TimeProvider clock)
{
    public const int MaxRows = 2000;

    public const long MaxFileBytes = 2 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns =
        ["id", "slug", "title", "description", "category", "price", "unit", "stock", "season_start", "season_end", "fulfilment", "perishable", "status"];

    public static readonly IReadOnlyList<string> RequiredColumns = ["title", "category", "price", "unit", "stock"];

    public async Task<string> ExportAsync(Guid sellerId, CancellationToken cancellationToken)
    {
        var products = await db.Products.AsNoTracking()
            .Where(p => p.SellerId == sellerId)
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Slug, p.Title, p.Description, p.CategoryId, p.Price, p.UnitLabel, p.Stock,
                p.Season, p.AllowedFulfilment, p.IsPerishable, p.Status,
            })
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        Csv.WriteRecord(csv, Columns);
        foreach (var p in products)
        {
            Csv.WriteRecord(csv,
            [
                p.Id.ToString(),
                p.Slug,
                Defuse(p.Title),
                Defuse(p.Description),
                Category.All.First(c => c.Id == p.CategoryId).Slug,
                p.Price.ToMajor().ToString("0.00#", CultureInfo.InvariantCulture),
                Defuse(p.UnitLabel),
                p.Stock.ToString(CultureInfo.InvariantCulture),
                p.Season.IsAllYear ? "" : p.Season.StartMonth.ToString(CultureInfo.InvariantCulture),
                p.Season.IsAllYear ? "" : p.Season.EndMonth.ToString(CultureInfo.InvariantCulture),
                FulfilmentText(p.AllowedFulfilment),
                p.IsPerishable ? "yes" : "no",
                p.Status.ToString().ToLowerInvariant(),
            ]);
        }

        return csv.ToString();
    }

    public async Task<CsvImportResult> ImportAsync(Guid sellerId, string text, CancellationToken cancellationToken)
    {
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = Csv.Parse(text);
        }
        catch (CsvFormatException e)
        {
            return Failed(e.Line, e.Message);
        }

        if (records.Count < 2)
        {
            return Failed(1, "The file has no products: it needs a header line and at least one product line.");
        }

        if (records.Count - 1 > MaxRows)
        {
            return Failed(1, $"The file has {records.Count - 1} products; import at most {MaxRows} at a time.");
        }

        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Failed(1, $"The header line is missing the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}. The columns are: {string.Join(",", Columns)}.");
        }

        var terms = await catalog.TermsAsync(sellerId, cancellationToken);
        var existing = await db.Products.Where(p => p.SellerId == sellerId).ToListAsync(cancellationToken);
        var byId = existing.ToDictionary(p => p.Id);
        var bySlug = existing.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var slugs = new HashSet<string>(bySlug.Keys, StringComparer.Ordinal);
        var seenOnLine = new Dictionary<Guid, int>();
        var errors = new List<CsvRowError>();
        var created = new List<Product>();
        var updated = 0;

        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count > header.Count)
            {
                errors.Add(new(record.Line, $"This line has {record.Fields.Count} fields but the header has {header.Count}. Put text with commas in double quotes."));
                continue;
            }

            string Field(string column)
            {
                var index = header.IndexOf(column);
                return index < 0 || index >= record.Fields.Count ? "" : Undefuse(record.Fields[index].Trim());
            }

            try
            {
                var values = new ProductValues(
                    Field("title"),
                    header.Contains("description") ? Field("description") : null,
                    ParseCategory(Field("category")),
                    ProductValues.ParsePrice(Field("price"), terms.Currency),
                    Field("unit"),
                    ParseStock(Field("stock")),
                    ProductValues.SeasonOf(ParseMonth(Field("season_start"), "season_start"), ParseMonth(Field("season_end"), "season_end")),
                    terms.Require(ParseFulfilment(Field("fulfilment"), terms)),
                    ParseYesNo(Field("perishable")));

                var id = Field("id");
                var slug = Field("slug");
                Product? product;
                if (id.Length > 0)
                {
                    product = Guid.TryParse(id, out var guid) && byId.TryGetValue(guid, out var found)
                        ? found
                        : throw new DomainException($"None of your products has the id {id}. Leave id empty to add a new product.");
                }
                else
                {
                    product = slug.Length > 0 && bySlug.TryGetValue(slug, out var found) ? found : null;
                }

                if (product is not null)
                {
                    if (seenOnLine.TryGetValue(product.Id, out var earlier))
                    {
                        throw new DomainException($"This is the same product as line {earlier}; list each product once.");
                    }

                    seenOnLine[product.Id] = record.Line;
                    values.ApplyTo(product, clock);
                    if (slug.Length > 0 && slug != product.Slug)
                    {
                        RequireFreeSlug(slug, slugs);
                        slugs.Remove(product.Slug);
                        product.ChangeSlug(slug, clock);
                        slugs.Add(product.Slug);
                    }

                    updated++;
                }
                else
                {
                    var fresh = values.Create(sellerId, clock);
                    var wanted = slug.Length > 0 ? RequireFreeSlug(slug, slugs) : fresh.Slug;
                    var unique = await catalog.UniqueSlugAsync(sellerId, wanted, null, slugs, cancellationToken);
                    if (unique != fresh.Slug)
                    {
                        fresh.ChangeSlug(unique, clock);
                    }

                    slugs.Add(unique);
                    created.Add(fresh);
                }
            }
            catch (DomainException e)
            {
                errors.Add(new(record.Line, e.Message));
            }
        }

        if (errors.Count > 0)
        {
            // Nothing is saved: the changes made to tracked products above die with this request.
            return new CsvImportResult(0, 0, errors);
        }

        db.Products.AddRange(created);
        if (!await catalog.TrySaveAsync(cancellationToken))
        {
            return Failed(1, "Some of these products were changed by someone else while the file was imported. Nothing was saved; try again.");
        }

        return new CsvImportResult(created.Count, updated, []);
    }

    private static CsvImportResult Failed(int line, string message) => new(0, 0, [new CsvRowError(line, message)]);

    private static string RequireFreeSlug(string slug, HashSet<string> slugs)
    {
        if (!Slug.IsValid(slug))
        {
            throw new DomainException($"'{slug}' is not a valid slug: use lower-case letters a–z, digits and single dashes, like \"free-range-eggs\".");
        }

        return slugs.Contains(slug) ? throw new DomainException($"Another of your products already has the slug '{slug}'.") : slug;
    }

    private static int ParseCategory(string text)
    {
        var category = Category.All.FirstOrDefault(c =>
            string.Equals(c.Slug, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase)
            || c.Id.ToString(CultureInfo.InvariantCulture) == text);
        return category?.Id ?? throw new DomainException(
            $"'{text}' is not a category. Use one of: {string.Join(", ", Category.All.Select(c => c.Slug))}.");
    }

    private static int ParseStock(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var stock)
            ? stock
            : throw new DomainException($"'{text}' is not a stock count; write a whole number like 12.");

    private static int ParseMonth(string text, string column)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 0 and <= 12)
        {
            return month;
        }

        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var m = 1; m <= 12; m++)
        {
            if (string.Equals(names.GetMonthName(m), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(names.GetAbbreviatedMonthName(m), text, StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }
        }

        throw new DomainException($"'{text}' in {column} is not a month; write 1 to 12 or a month name, or leave it empty for all year.");
    }

    private static FulfilmentMethod ParseFulfilment(string text, SellerTerms terms)
    {
        if (text.Length == 0)
        {
            return terms.Offered;
        }

        var methods = FulfilmentMethod.None;
        foreach (var part in text.Split([';', '|', '/', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            methods |= part.ToLowerInvariant().Replace('_', ' ').Replace('-', ' ') switch
            {
                "shipping" or "ship" => FulfilmentMethod.Shipping,
                "pickup" or "pick up" => FulfilmentMethod.Pickup,
                "local delivery" or "delivery" or "localdelivery" => FulfilmentMethod.LocalDelivery,
                _ => throw new DomainException($"'{part}' is not a way to get a product; use shipping, pickup and/or local-delivery separated by ';'."),
            };
        }

        return methods;
    }

    private static bool ParseYesNo(string text) => text.ToLowerInvariant() switch
    {
        "" or "no" or "n" or "false" or "0" => false,
        "yes" or "y" or "true" or "1" => true,
        _ => throw new DomainException($"'{text}' in perishable should be yes or no."),
    };

    private static string FulfilmentText(FulfilmentMethod methods) => string.Join(";",
        new[] { FulfilmentMethod.Shipping, FulfilmentMethod.Pickup, FulfilmentMethod.LocalDelivery }
            .Where(m => methods.HasFlag(m))
            .Select(m => m == FulfilmentMethod.LocalDelivery ? "local-delivery" : m.ToString().ToLowerInvariant()));

    // A spreadsheet runs a cell that starts with = + @ as a formula; a leading apostrophe keeps it text.
    private static string Defuse(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Undefuse(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '@' or '\t' or '\r' ? value[1..] : value;
}
