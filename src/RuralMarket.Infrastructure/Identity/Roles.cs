namespace RuralMarket.Infrastructure.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Seller = "Seller";

    public static IReadOnlyList<string> All { get; } = [Admin, Seller];
}
