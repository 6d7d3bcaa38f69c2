namespace SalesKpi.Opportunities;

/// <summary>The state of an opportunity.</summary>
public enum OpportunityStatus
{
    /// <summary>Still being worked; has no close date.</summary>
    Open = 0,

    /// <summary>Closed as won; has a close date.</summary>
    Won = 1,

    /// <summary>Closed as lost; has a close date.</summary>
    Lost = 2,
}
