using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RuralMarket.Infrastructure.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>) for each model it meets. A compiled query refuses a model
/// other than the one it was compiled against; the app runs on one provider, but the tests run SQLite and
/// PostgreSQL side by side in one process. Use it for hot storefront queries: it saves building and
/// funcletizing the query's expression tree on every request.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
