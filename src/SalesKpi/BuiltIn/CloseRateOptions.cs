using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>Whether the close rate counts opportunities or weighs them by amount.</summary>
public enum CloseRateBasis
{
    /// <summary>By number of opportunities.</summary>
    Count = 0,

    /// <summary>By amount: won amount / closed (or created) amount.</summary>
    Value = 1,
}

/// <summary>Which opportunities the close rate is taken over.</summary>
public enum CloseRatePopulation
{
    /// <summary>Opportunities closed in the period: won / (won + lost); open ones are excluded.</summary>
    Period = 0,

    /// <summary>Opportunities created in the period: won / created, open ones in the denominator.</summary>
    Cohort = 1,
}

/// <summary>Options of <see cref="CloseRateCalculator"/>.</summary>
public sealed class CloseRateOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>close-rate</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = Reporting.KpiIds.CloseRate;

    /// <summary>Gets or sets whether opportunities are counted or weighed by amount.</summary>
    /// <value>The default value is <see cref="CloseRateBasis.Count"/>.</value>
    public CloseRateBasis Basis { get; set; } = CloseRateBasis.Count;

    /// <summary>Gets or sets the population.</summary>
    /// <value>The default value is <see cref="CloseRatePopulation.Period"/>.</value>
    public CloseRatePopulation Population { get; set; } = CloseRatePopulation.Period;
}
