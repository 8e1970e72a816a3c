using Microsoft.AspNetCore.Mvc;
using RuralMarket.Infrastructure.Settings;
using RuralMarket.Web.Features.Admin;

namespace RuralMarket.Web.Areas.Admin.Pages.Settings;

/// <summary>Platform settings: commission for new sellers, fulfilment timers, video upload limits. Changes apply without a restart.</summary>
public sealed class IndexModel(PlatformSettings settings, SettingsEditor editor) : AdminPageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public PlatformSettingsSnapshot Defaults { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = SettingsInput.From(await settings.CurrentAsync(cancellationToken));
        Defaults = settings.Defaults;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Defaults = settings.Defaults;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (errors, done) = await editor.SaveAsync(Input, AdminUserId, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field.Length == 0 ? string.Empty : $"{nameof(Input)}.{field}", message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Flash(done!);
        return RedirectToPage();
    }
}
