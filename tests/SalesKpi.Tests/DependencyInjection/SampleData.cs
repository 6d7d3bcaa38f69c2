using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Reps;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>
/// Two reps' calls, demos and won deals in January and February 2025 (UTC), small enough to count by hand.
/// </summary>
/// <remarks>
/// <para>Calls — January: ayse 3 (2 connected), bora 2 (1 connected): 5. February: ayse 2, bora 4: 6.
/// Demos — January: ayse 2, bora 1; February: bora 1. Deals won — January: ayse 1,000 USD, bora 2,000 USD;
/// February: ayse 500 USD.</para>
/// </remarks>
internal static class SampleData
{
    public static readonly RepId Ayse = new("ayse");
    public static readonly RepId Bora = new("bora");
    public static readonly SalesActivityKind Demo = new("demo");

    public static DateInterval January { get; } = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31));

    public static DateInterval JanuaryToFebruary { get; } = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 2, 28));

    public static SalesData Create()
    {
        var n = 0;
        SalesActivity Act(RepId rep, SalesActivityKind kind, int month, int day, bool connected = false) =>
            new(new ActivityId($"a{++n}"), kind, rep, Instant.FromUtc(2025, month, day, 10, 0), connected ? ActivityOutcomes.Connected : ActivityOutcomes.None);
        Deal Won(RepId rep, int month, int day, decimal usd) =>
            new(new DealId($"d{++n}"), new AccountId($"acc{n}"), rep, Instant.FromUtc(2025, month, day, 15, 0), new Money(usd, Currency.USD));

        return SalesData.Create(
            activities:
            [
                Act(Ayse, SalesActivityKind.Call, 1, 6, connected: true),
                Act(Ayse, SalesActivityKind.Call, 1, 7),
                Act(Ayse, SalesActivityKind.Call, 1, 14, connected: true),
                Act(Bora, SalesActivityKind.Call, 1, 8, connected: true),
                Act(Bora, SalesActivityKind.Call, 1, 9),
                Act(Ayse, Demo, 1, 10),
                Act(Ayse, Demo, 1, 15),
                Act(Bora, Demo, 1, 16),
                Act(Ayse, SalesActivityKind.Call, 2, 3),
                Act(Ayse, SalesActivityKind.Call, 2, 4, connected: true),
                Act(Bora, SalesActivityKind.Call, 2, 5),
                Act(Bora, SalesActivityKind.Call, 2, 6),
                Act(Bora, SalesActivityKind.Call, 2, 7, connected: true),
                Act(Bora, SalesActivityKind.Call, 2, 10),
                Act(Bora, Demo, 2, 11),
                Act(Ayse, SalesActivityKind.Email, 1, 6),
            ],
            deals:
            [
                Won(Ayse, 1, 3, 1_000m),
                Won(Bora, 1, 8, 2_000m),
                Won(Ayse, 2, 12, 500m),
            ]);
    }

    /// <summary>Returns the options every test container is built with: scopes and the whole graph validated.</summary>
    public static ServiceProviderOptions Strict { get; } = new() { ValidateOnBuild = true, ValidateScopes = true };
}
