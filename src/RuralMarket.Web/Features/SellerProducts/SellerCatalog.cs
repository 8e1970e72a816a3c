using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Media;

namespace RuralMarket.Web.Features.SellerProducts;

/// <summary>The seller's side of the catalog: loading their own products, unique addresses, and photos.</summary>
public sealed class SellerCatalog(RuralMarketDbContext db, IMediaStorage storage, IOptions<ProductImageOptions> imageOptions, TimeProvider clock)
{
    public ProductImageOptions ImageOptions => imageOptions.Value;

    public async Task<SellerTerms> TermsAsync(Guid sellerId, CancellationToken cancellationToken)
    {
        var fulfilment = await db.Sellers.AsNoTracking().Where(s => s.Id == sellerId).Select(s => s.Fulfilment).SingleAsync(cancellationToken);
        return new SellerTerms(fulfilment.Currency, fulfilment.OfferedMethods);
    }

    /// <summary>The seller's own product, tracked for a change; null for anyone else's (the page answers 404).</summary>
    public Task<Product?> FindAsync(Guid sellerId, Guid productId, CancellationToken cancellationToken) =>
        db.Products.SingleOrDefaultAsync(p => p.Id == productId && p.SellerId == sellerId, cancellationToken);

    /// <summary>The wanted address, or it with "-2", "-3"… when another of the seller's products (or <paramref name="taken"/>) has it.</summary>
    public async Task<string> UniqueSlugAsync(Guid sellerId, string wanted, Guid? exceptProductId, IReadOnlySet<string>? taken, CancellationToken cancellationToken)
    {
        var slug = Slug.From(wanted);
        var used = await db.Products.AsNoTracking()
            .Where(p => p.SellerId == sellerId && p.Id != exceptProductId && p.Slug.StartsWith(slug))
            .Select(p => p.Slug)
            .ToListAsync(cancellationToken);
        var clashes = new HashSet<string>(used, StringComparer.Ordinal);
        if (taken is not null)
        {
            clashes.UnionWith(taken);
        }

        if (!clashes.Contains(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidate = (slug.Length + suffix.Length > Slug.MaxLength ? slug[..(Slug.MaxLength - suffix.Length)].TrimEnd('-') : slug) + suffix;
            if (!clashes.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    public async Task<Product> CreateAsync(Guid sellerId, ProductValues values, CancellationToken cancellationToken)
    {
        var product = values.Create(sellerId, clock);
        var slug = await UniqueSlugAsync(sellerId, product.Slug, null, null, cancellationToken);
        if (slug != product.Slug)
        {
            product.ChangeSlug(slug, clock);
        }

        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return product;
    }

    /// <summary>
    /// Reads, checks and resizes every photo first; only when all are good are their copies stored and the
    /// product saved. If anything fails after that, the copies already stored are deleted again.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddPhotosAsync(Product product, IReadOnlyList<IFormFile> files, string? altText, CancellationToken cancellationToken)
    {
        var limits = imageOptions.Value;
        if (files.Count == 0)
        {
            return ["Choose one or more photos to upload."];
        }

        if (product.Images.Count + files.Count > Product.MaxImages)
        {
            return [$"A product can have at most {Product.MaxImages} photos; this one has {product.Images.Count}, so add at most {Product.MaxImages - product.Images.Count} more."];
        }

        var errors = new List<string>();
        var made = new List<IReadOnlyList<ImageVariant>>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length == 0)
            {
                errors.Add($"{name} is empty.");
                continue;
            }

            if (file.Length > limits.MaxBytes)
            {
                errors.Add($"{name} is {FileSizes.Describe(file.Length)}; photos can be at most {limits.MaxSizeText}.");
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            try
            {
                made.Add(await ImageVariantMaker.MakeAsync(buffer, cancellationToken));
            }
            catch (NotAnImageException e)
            {
                errors.Add($"{name}: {e.Message}");
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var alt = string.IsNullOrWhiteSpace(altText) ? product.Title : altText.Trim();
        var folders = new List<string>();
        try
        {
            foreach (var variants in made)
            {
                var folder = $"products/{product.Id:N}/{Guid.CreateVersion7():N}";
                folders.Add(folder);
                var key = await ImageVariantMaker.SaveAsync(storage, folder, variants, cancellationToken);
                product.AddImage(key, alt, clock);
            }

            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (Exception e) when (e is DomainException or DbUpdateConcurrencyException)
        {
            await DeleteFoldersAsync(folders);
            return [e is DomainException ? e.Message : StaleMessage];
        }
        catch
        {
            await DeleteFoldersAsync(folders);
            throw;
        }
    }

    /// <summary>Removes the photo from the product, saves, and only then deletes its files.</summary>
    public async Task<string?> RemovePhotoAsync(Product product, Guid imageId, CancellationToken cancellationToken)
    {
        var image = product.Images.Single(i => i.Id == imageId);
        var key = image.StorageKey;
        product.RemoveImage(imageId, clock);
        if (!await TrySaveAsync(cancellationToken))
        {
            return StaleMessage;
        }

        if (ImageVariantKeys.Parse(key) is { } set)
        {
            await storage.DeleteByPrefixAsync(set.Folder + "/", CancellationToken.None);
        }
        else if (MediaKey.IsValid(key))
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }

        return null;
    }

    /// <summary>Moves a photo one place earlier (-1) or later (+1); the first photo is the one shown on cards.</summary>
    public async Task<string?> MovePhotoAsync(Product product, Guid imageId, int offset, CancellationToken cancellationToken)
    {
        var order = product.Images.OrderBy(i => i.SortOrder).Select(i => i.Id).ToList();
        var from = order.IndexOf(imageId);
        var to = from + Math.Sign(offset);
        if (to < 0 || to >= order.Count)
        {
            return null;
        }

        (order[from], order[to]) = (order[to], order[from]);
        product.ReorderImages(order, clock);
        return await TrySaveAsync(cancellationToken) ? null : StaleMessage;
    }

    public const string StaleMessage = "Someone else changed this product while you were working on it (another tab or device?), so your change was not saved.";

    /// <summary>Saves; false when the product changed since it was loaded (its version moved on).</summary>
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task DeleteFoldersAsync(IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            await storage.DeleteByPrefixAsync(folder + "/", CancellationToken.None);
        }
    }
}
