namespace SalesKpi.Deals;

/// <summary>What a won deal represents for the customer relationship; <c>revenue</c> splits by it.</summary>
public enum DealKind
{
    /// <summary>The first sale to a new customer.</summary>
    NewBusiness = 0,

    /// <summary>An additional sale (add-on, upsell or cross-sell) to an existing customer.</summary>
    AddOn = 1,

    /// <summary>The renewal of an existing contract.</summary>
    Renewal = 2,

    /// <summary>A sale to a former customer whose contract had lapsed.</summary>
    WinBack = 3,
}
