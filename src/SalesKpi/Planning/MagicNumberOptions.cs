using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>Options of <see cref="MagicNumberCalculator"/> and <see cref="MagicNumber.FromData"/>.</summary>
/// <remarks>
/// <para>Each of the three rates and amounts comes from the data through a KPI, unless its <c>GivenXxx</c> property
/// is set, in which case that value is used for every group and recorded as given.</para>
/// </remarks>
public sealed class MagicNumberOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>magic-number</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = KpiIds.MagicNumber;

    /// <summary>Gets or sets the revenue goal of a group (such as a rep id) over <see cref="Weeks"/>; null when the group has none, which makes its magic number undefined.</summary>
    /// <value>The default value is null; a goal is required.</value>
    public Func<string, Money?>? Goal { get; set; }

    /// <summary>Gets or sets the number of weeks to reach the goal in.</summary>
    /// <value>The default value is 0; a positive number is required.</value>
    public decimal Weeks { get; set; }

    /// <summary>Gets or sets the KPI that gives the average revenue per sale (unit money).</summary>
    /// <value>The default value is <see cref="Kpis.AverageDealSize"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public KpiCalculator AverageRevenuePerSaleKpi { get; set => field = Preconditions.CheckSetNotNull(value); } = Kpis.AverageDealSize;

    /// <summary>Gets or sets the KPI that gives the close ratio (unit ratio).</summary>
    /// <value>
    /// The default value is <see cref="Kpis.CloseRate"/>: won / (won + lost) of the opportunities closed in the window. Seed
    /// 004's close ratio is the share of <em>proposals</em> that close; to follow it exactly, pass the close rate filtered to
    /// opportunities that reached the proposal stage.
    /// </value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public KpiCalculator CloseRatioKpi { get; set => field = Preconditions.CheckSetNotNull(value); } = Kpis.CloseRate;

    /// <summary>Gets or sets the KPI that gives the first-appointment-to-proposal ratio (unit ratio).</summary>
    /// <value>The default value is <see cref="Kpis.StageConversion"/>: first appointment to proposal.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public KpiCalculator FirstAppointmentToProposalKpi { get; set => field = Preconditions.CheckSetNotNull(value); } = Kpis.StageConversion;

    /// <summary>Gets or sets a given average revenue per sale that replaces the data's.</summary>
    /// <value>The default value is null: from <see cref="AverageRevenuePerSaleKpi"/>.</value>
    public Money? GivenAverageRevenuePerSale { get; set; }

    /// <summary>Gets or sets a given close ratio (a fraction) that replaces the data's.</summary>
    /// <value>The default value is null: from <see cref="CloseRatioKpi"/>.</value>
    public decimal? GivenCloseRatio { get; set; }

    /// <summary>Gets or sets a given first-appointment-to-proposal ratio (a fraction) that replaces the data's.</summary>
    /// <value>The default value is null: from <see cref="FirstAppointmentToProposalKpi"/>.</value>
    public decimal? GivenFirstAppointmentToProposal { get; set; }
}
