using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace RuralMarket.EndToEnd.Tests.Support;

/// <summary>
/// axe-core (the npm package pinned in this project's package.json, installed by <c>npm ci</c> into
/// <c>node_modules</c>) injected into the page and run there.
/// </summary>
public static class Axe
{
    private static readonly string[] _blockingImpacts = ["serious", "critical"];

    /// <summary>Where <c>axe.min.js</c> is; fails with how to install it when it is missing.</summary>
    public static string ScriptPath
    {
        get
        {
            var path = Path.Combine(RepositoryRoot.Path, "tests", "RuralMarket.EndToEnd.Tests", "node_modules", "axe-core", "axe.min.js");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"axe-core is not installed ({path} is missing). Run `npm ci --no-audit --no-fund` in tests/RuralMarket.EndToEnd.Tests (test.sh does).");
            }

            return path;
        }
    }

    /// <summary>
    /// Runs every axe rule on the page as it is now and returns its serious and critical violations, one readable
    /// line each: rule id, impact, what it asks for, and the elements (CSS selectors) that break it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(this IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? '',
                help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
              }));
            }
            """);
        var lines = new List<string>();
        foreach (var violation in violations.EnumerateArray())
        {
            var impact = violation.GetProperty("impact").GetString() ?? "";
            if (!_blockingImpacts.Contains(impact))
            {
                continue;
            }

            var targets = violation.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ToList();
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"{violation.GetProperty("id").GetString()} ({impact}): {violation.GetProperty("help").GetString()} — ");
            line.AppendJoin(", ", targets.Take(5));
            if (targets.Count > 5)
            {
                line.Append(CultureInfo.InvariantCulture, $" and {targets.Count - 5} more");
            }

            lines.Add(line.ToString());
        }

        return lines;
    }
}

/// <summary>The repository's root: the first folder above the test assembly that holds RuralMarket.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> _path = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "RuralMarket.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No RuralMarket.sln in {AppContext.BaseDirectory} or any folder above it.");
    });

    public static string Path => _path.Value;
}
