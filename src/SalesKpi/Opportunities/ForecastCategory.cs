namespace SalesKpi.Opportunities;

/// <summary>
/// The forecast category a rep puts an opportunity in: how sure the rep is that it closes in its period. The
/// categories of Salesforce and HubSpot forecasts.
/// </summary>
/// <remarks>
/// <para>An opportunity without one is in <see cref="Pipeline"/> while open, <see cref="Closed"/> once won and
/// <see cref="Omitted"/> once lost; a won opportunity is always <see cref="Closed"/> and a lost one always
/// <see cref="Omitted"/>.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ForecastCategoryJsonConverter))]
public enum ForecastCategory
{
    /// <summary>Open, and not yet likely enough to be in the forecast: the default of an open opportunity.</summary>
    Pipeline = 0,

    /// <summary>Open, and could close in its period if things go well.</summary>
    BestCase = 1,

    /// <summary>Open, and the rep commits to closing it in its period.</summary>
    Commit = 2,

    /// <summary>Won.</summary>
    Closed = 3,

    /// <summary>Left out of the forecast: lost, or open but not to be counted.</summary>
    Omitted = 4,
}
