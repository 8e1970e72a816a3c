using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Web.Features.Admin;

namespace RuralMarket.Web.Areas.Admin.Pages;

/// <summary>An admin console page (the area's folder policy lets only admins in, GET and POST alike).</summary>
public abstract class AdminPageModel : PageModel
{
    protected string AdminUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    protected void Flash(string message) => TempData["Flash"] = message;

    /// <summary>
    /// The list page asked for with <c>?page=N</c> (1 when absent), or null when it is not a page number. Read by
    /// hand: Razor Pages keeps the name "page" for itself, so it cannot be bound.
    /// </summary>
    protected int? RequestedPage()
    {
        var text = Request.Query["page"].ToString();
        if (text.Length == 0)
        {
            return 1;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 100_000 ? page : null;
    }

    /// <summary>Done: flash and PRG to <paramref name="done"/>. Not found: 404. Refused: the message on the form, shown by <paramref name="redisplay"/>.</summary>
    protected async Task<IActionResult> AfterAsync(AdminOutcome outcome, Func<IActionResult> done, Func<Task<IActionResult>> redisplay)
    {
        switch (outcome.Kind)
        {
            case AdminOutcomeKind.Done:
                Flash(outcome.Message);
                return done();
            case AdminOutcomeKind.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, outcome.Message);
                return await redisplay();
        }
    }
}
