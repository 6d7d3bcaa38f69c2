using System.Collections.Immutable;

namespace SalesKpi.Csv;

/// <summary>The names of the files of the SalesKpi CSV format; each one is optional.</summary>
/// <remarks>
/// <para>The columns of each file are listed in docs/csv-format.md. Files are imported in the order of
/// <see cref="All"/>, so that a reference (a deal's opportunity, an activity's lead) can be checked against the file it
/// points to.</para>
/// </remarks>
public static class CsvFiles
{
    /// <summary><c>reps.csv</c>: the roster (<c>id</c>, <c>name</c>, <c>team</c>).</summary>
    public const string Reps = "reps.csv";

    /// <summary><c>accounts.csv</c>: the accounts (<c>id</c> and dimension columns, such as <c>sector</c>), whose dimensions apply to their opportunities and deals.</summary>
    public const string Accounts = "accounts.csv";

    /// <summary><c>leads.csv</c>: the leads.</summary>
    public const string Leads = "leads.csv";

    /// <summary><c>opportunities.csv</c>: the opportunities.</summary>
    public const string Opportunities = "opportunities.csv";

    /// <summary><c>stage-changes.csv</c>: the stage history of the opportunities.</summary>
    public const string StageChanges = "stage-changes.csv";

    /// <summary><c>opportunity-history.csv</c>: the field history of the opportunities (amount, expected close date,
    /// forecast category and owner over time), one row per change.</summary>
    public const string OpportunityHistory = "opportunity-history.csv";

    /// <summary><c>deals.csv</c>: the won deals.</summary>
    public const string Deals = "deals.csv";

    /// <summary><c>activities.csv</c>: calls, emails, meetings and other activities.</summary>
    public const string Activities = "activities.csv";

    /// <summary><c>spend.csv</c>: marketing spend per channel and period.</summary>
    public const string Spend = "spend.csv";

    /// <summary>Gets every file name, in import order.</summary>
    public static ImmutableArray<string> All { get; } = [Reps, Accounts, Leads, Opportunities, StageChanges, OpportunityHistory, Deals, Activities, Spend];
}
