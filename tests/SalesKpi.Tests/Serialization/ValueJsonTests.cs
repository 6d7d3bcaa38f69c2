using System.Text.Json;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Serialization;

namespace SalesKpi.Tests.Serialization;

/// <summary>Every public value type reads back what it writes, with the reflection serializer and the source-generated context.</summary>
public sealed class ValueJsonTests
{
    public static TheoryData<string, KpiValue> Values => new()
    {
        { "count", KpiValue.Count(3) },
        { "count with amount", KpiValue.Count(2, new Money(1_250.50m, Currency.EUR), unpricedCount: 1) },
        { "ratio", KpiValue.Ratio(1m, 3m) },
        { "ratio of zero", KpiValue.Ratio(4m, 0m, "no calls") },
        { "money", KpiValue.FromMoney(new Money(-12.345m, Currency.USD)) },
        { "money ratio", KpiValue.MoneyRatio(new Money(100m, Currency.GBP), 7m) },
        { "durations", KpiValue.Durations([1m, 2m, 10m]) },
        { "no durations", KpiValue.Durations([], "nothing closed") },
        { "number", KpiValue.Number(0.000000000001m) },
        { "undefined", KpiValue.Undefined(KpiUnit.Days, "needs a quarter") },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void KpiValue_RoundTripsExactly(string name, KpiValue value)
    {
        var json = JsonSerializer.Serialize(value);

        var back = JsonSerializer.Deserialize<KpiValue>(json)!;
        var generated = JsonSerializer.Deserialize(json, SalesKpiJsonContext.Default.KpiValue)!;

        Assert.True(value == back, $"{name}: {json}");
        Assert.Equal(value, generated);
        Assert.Equal(value.Percentile90, back.Percentile90);
        Assert.Equal(value.UnpricedCount, back.UnpricedCount);
        Assert.Equal(json, JsonSerializer.Serialize(value, SalesKpiJsonContext.Default.KpiValue));
    }

    [Fact]
    public void KpiValue_WritesTheDocumentsFields()
    {
        // 1 / 3 written exactly (28 digits) alone; a report rounds it to 10 decimals.
        Assert.Equal(
            """{"value":0.3333333333333333333333333333,"unit":"ratio","numerator":1,"denominator":3}""",
            JsonSerializer.Serialize(KpiValue.Ratio(1m, 3m)));
        Assert.Equal("""{"value":null,"unit":"ratio","numerator":4,"denominator":0,"reason":"no calls"}""", JsonSerializer.Serialize(KpiValue.Ratio(4m, 0m, "no calls")));
    }

    [Fact]
    public void MoneyAndCurrency_RoundTrip()
    {
        var money = new Money(1_250.50m, Currency.EUR);

        Assert.Equal("""{"value":1250.50,"currency":"EUR"}""", JsonSerializer.Serialize(money));
        Assert.Equal(money, JsonSerializer.Deserialize<Money>("""{"currency":"EUR","value":1250.50}"""));
        Assert.Equal("\"TRY\"", JsonSerializer.Serialize(Currency.TRY, SalesKpiJsonContext.Default.Currency));
        Assert.Equal(Currency.TRY, JsonSerializer.Deserialize<Currency>("\"TRY\""));
    }

    [Fact]
    public void Ids_AreStrings_AlsoAsDictionaryKeys()
    {
        Assert.Equal("\"ayse\"", JsonSerializer.Serialize(new RepId("ayse")));
        Assert.Equal(new TeamId("east"), JsonSerializer.Deserialize<TeamId>("\"east\""));
        Assert.Equal(new LeadId("l1"), JsonSerializer.Deserialize<LeadId>("\"l1\"", SalesKpiJsonContext.Default.LeadId));
        Assert.Equal(new OpportunityId("o1"), JsonSerializer.Deserialize<OpportunityId>("\"o1\""));
        Assert.Equal(new DealId("d1"), JsonSerializer.Deserialize<DealId>("\"d1\""));
        Assert.Equal(new ActivityId("a1"), JsonSerializer.Deserialize<ActivityId>("\"a1\""));
        Assert.Equal(new AccountId("acc"), JsonSerializer.Deserialize<AccountId>("\"acc\""));

        var byRep = new Dictionary<RepId, int> { [new RepId("ayse")] = 3 };
        var json = JsonSerializer.Serialize(byRep);
        Assert.Equal("""{"ayse":3}""", json);
        Assert.Equal(3, JsonSerializer.Deserialize<Dictionary<RepId, int>>(json)![new RepId("ayse")]);
    }

    [Theory]
    [InlineData("\"\"", "A rep id cannot be empty.")]
    [InlineData("42", "Expected a rep id as a string")]
    public void Ids_RefuseWhatIsNotAnId(string json, string message)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RepId>(json));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"value":1}""", "needs a 'value' and a 'currency'")]
    [InlineData("""{"value":1,"currency":"XYZ"}""", "'XYZ' is not an ISO 4217 currency code")]
    public void Money_RefusesWhatIsNotMoney(string json, string message)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KpiValue_WithoutAValueOrAReason_IsRefused()
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KpiValue>("""{"value":null,"unit":"ratio"}"""));

        Assert.Contains("must have a 'reason'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"value":1,"unit":"count","unpriced":-1}""", "'unpriced' cannot be negative")]
    [InlineData("""{"value":10,"unit":"money"}""", "of unit 'money' needs a 'currency'")]
    [InlineData("""{"value":"1","unit":"count"}""", "'value' must be a number")]
    public void KpiValue_WhatNoFactoryMakes_IsRefused(string json, string message)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KpiValue>(json));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KpiValue_AnUndefinedAmount_NeedsNoCurrency()
    {
        var value = KpiValue.Undefined(KpiUnit.Money, "no deals");

        Assert.Equal(value, JsonSerializer.Deserialize<KpiValue>(JsonSerializer.Serialize(value)));
    }
}
