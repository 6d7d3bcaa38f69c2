using SalesKpi.Reporting;

namespace SalesKpi.BuiltIn;

/// <summary>Reads a money total of the engine in the currency of a given amount.</summary>
internal static class ComponentMoney
{
    /// <summary>Returns the value as money in <paramref name="currency"/>; a total with no currency yet (nothing summed) is zero in it.</summary>
    public static Money In(KpiValue value, Currency currency, string kpiId)
    {
        var amount = value.Value ?? 0m;
        if (value.Currency is not { } c || c == Currency.None || c == currency)
        {
            return new Money(amount, currency);
        }

        throw new InvalidOperationException(
            $"KPI '{kpiId}' is in {c} but is compared with an amount in {currency}; give every amount in the reporting currency (KpiSettings.ReportingCurrency).");
    }

    /// <summary>Returns why the first undefined value is undefined, naming its KPI, or null when every value is defined.</summary>
    public static string? FirstUndefined(IReadOnlyList<KpiCalculator> components, params KpiValue?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { IsDefined: false } undefined)
            {
                return $"{components[i % components.Count].Id} is undefined: {undefined.UndefinedReason}";
            }
        }

        return null;
    }
}
