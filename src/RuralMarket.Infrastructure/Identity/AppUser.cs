using Microsoft.AspNetCore.Identity;

namespace RuralMarket.Infrastructure.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
