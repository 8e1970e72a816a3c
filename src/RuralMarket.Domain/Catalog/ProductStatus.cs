namespace RuralMarket.Domain.Catalog;

public enum ProductStatus
{
    Draft,
    Active,
    Archived,
}
