using System.Linq.Expressions;

namespace RuralMarket.Infrastructure.Data;

/// <summary>
/// Composes query expressions, so a projection written once serves both a LINQ query and a compiled query.
/// </summary>
public static class QueryExpressions
{
    /// <summary>
    /// <paramref name="selector"/> with its first parameter (the context it reads other sets from) replaced by
    /// <paramref name="context"/>: a constant for a query on one context, or a compiled query's own context parameter.
    /// </summary>
    public static Expression<Func<TSource, TResult>> Bind<TContext, TSource, TResult>(
        this Expression<Func<TContext, TSource, TResult>> selector, Expression context) =>
        Expression.Lambda<Func<TSource, TResult>>(
            new Replace(selector.Parameters[0], context).Visit(selector.Body),
            selector.Parameters[1]);

    private sealed class Replace(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
