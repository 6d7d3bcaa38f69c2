using NodaTime;

namespace SalesKpi.Marketing;

/// <summary>The one rule for charging a spend record to a period: pro-rated by the days of its interval that the period covers.</summary>
internal static class SpendProration
{
    /// <summary>
    /// Returns the part of the spend that falls in the period — amount × covered days / the record's days, rounded to 10
    /// decimal places so that sums are exact in any order (the whole amount when the period covers every day) — and the
    /// first covered date, at which it is converted; or null when the period covers none of its days.
    /// </summary>
    public static (Money Share, LocalDate From)? ShareIn(MarketingSpend spend, DateInterval period)
    {
        var start = spend.Period.Start > period.Start ? spend.Period.Start : period.Start;
        var end = spend.Period.End < period.End ? spend.Period.End : period.End;
        var days = Period.DaysBetween(start, end) + 1;
        if (days <= 0)
        {
            return null;
        }

        var share = days == spend.Period.Length
            ? spend.Amount.Amount
            : Prorate(spend.Amount.Amount, days, spend.Period.Length);
        return (new Money(share, spend.Amount.Currency), start);
    }

    /// <summary>
    /// Returns amount × part / whole rounded to 10 decimal places. An amount so large that amount × part overflows a
    /// decimal (though the share does not) is divided first, which can differ in the last of its 28–29 significant digits.
    /// </summary>
    public static decimal Prorate(decimal amount, int part, int whole)
    {
        decimal product;
        try
        {
            product = amount * part;
        }
        catch (OverflowException)
        {
            return decimal.Round(amount / whole * part, 10, MidpointRounding.ToEven);
        }

        return decimal.Round(product / whole, 10, MidpointRounding.ToEven);
    }
}
