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

    /// <summary>
    /// A compiled query's lambda: <paramref name="query"/> (whose first parameter is the context) followed by
    /// <c>Select(columns)</c>, the columns' context bound to that same parameter. <typeparamref name="TQuery"/> is the
    /// delegate type of the result: the query's parameters, returning <c>IQueryable&lt;TResult&gt;</c>.
    /// </summary>
    public static Expression<TQuery> ThenSelect<TQuery, TContext, TSource, TResult>(
        LambdaExpression query, Expression<Func<TContext, TSource, TResult>> columns) =>
        Expression.Lambda<TQuery>(
            Expression.Call(
                typeof(Queryable),
                nameof(Queryable.Select),
                [typeof(TSource), typeof(TResult)],
                query.Body,
                Expression.Quote(columns.Bind(query.Parameters[0]))),
            query.Parameters);

    private sealed class Replace(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
