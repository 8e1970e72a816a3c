using Microsoft.AspNetCore.Identity;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Web.Commands;

/// <summary>
/// One-shot commands run instead of the web server:
/// <c>migrate</c> (apply database migrations, used by deployments before web and worker start) and
/// <c>create-admin --email a@b.c [--password ...]</c> (password also from RURALMARKET_ADMIN_PASSWORD).
/// </summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args[0])
        {
            case "migrate":
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
                Console.WriteLine("Database is up to date.");
                return true;
            case "create-admin":
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
                Environment.ExitCode = await CreateAdminAsync(services.GetRequiredService<UserManager<AppUser>>(), args);
                return true;
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: migrate, create-admin --email <email> [--password <password>].");
                Environment.ExitCode = 2;
                return true;
        }
    }

    private static async Task<int> CreateAdminAsync(UserManager<AppUser> users, string[] args)
    {
        var email = ValueOf(args, "--email");
        var password = ValueOf(args, "--password") ?? Environment.GetEnvironmentVariable("RURALMARKET_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email <email> [--password <password>] (or set RURALMARKET_ADMIN_PASSWORD).");
            return 2;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync("Could not create the admin: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await users.AddToRoleAsync(user, Roles.Admin);
        }

        Console.WriteLine($"{email} is an admin.");
        return 0;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
