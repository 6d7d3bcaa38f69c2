namespace SalesKpi.Sql.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="PostgresServer"/>: mark each with <c>[Collection("postgres")]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "postgres";
}
