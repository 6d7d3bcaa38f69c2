using System.Runtime.CompilerServices;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference report as a performance engineer writes it by hand for exactly this query: one loop per collection over
/// the same compact columns the engine scans (<see cref="SalesData.Prepare"/>), flat arrays indexed by owner code × ISO
/// week, no abstraction, one thread — the peer the engine's single-threaded scan is measured against.
/// </summary>
/// <remarks>
/// <para>Placing a record: its ticks are compared with the year's first and last instants in the zone (one unsigned
/// compare, which also rejects an absent timestamp), then its local ticks are ticks + offset, with the zone's offset
/// looked up among its transitions over the data's range, computed once per run (none for UTC or Europe/Istanbul, a
/// fixed +03:00 since 2016, so the look-up is one compare). The week is the local ticks since the
/// Monday of 2025's first ISO week / ticks per week (one division); weeks are clipped to the year as the library's
/// periods are.</para>
/// <para>Activities: each trait code (kind and outcomes) maps, through a table built once per run, to one of six
/// classes (call, connected call, email, meeting, connected meeting, other), and one counter per owner, week and class is
/// incremented; the four counts and call-to-meeting are sums of classes at the end. Leads: new leads by created and SQLs
/// by qualified. Opportunities: closed (won or lost) and won by closed, and for the won the cycle's local days into a
/// per-cell histogram, its mean and median read from the histogram at the end. Deals: counts and whole cents per owner,
/// week and kind; average deal size and the four revenues are sums of kinds.</para>
/// <para>Money is summed as the engine sums it with the report's settings (no reporting currency): the amounts must
/// share one currency, else evaluation fails as the library's does; summed as whole cents when the column has them,
/// as decimals otherwise. Cost per lead is spend (which has no rep) / leads: undefined in every group by rep, so, as
/// in every version of the report, there is nothing to compute for it.</para>
/// </remarks>
public static class HandWrittenReport
{
    // SalesActivity classes: what each trait code counts for.
    private const int Other = 0, Call = 1, ConnectedCall = 2, Email = 3, Meeting = 4, ConnectedMeeting = 5, Classes = 8;

    /// <summary>Runs the report over the snapshot's compact columns (built by <see cref="SalesData.Prepare"/> when not yet).</summary>
    /// <param name="data">The snapshot.</param>
    /// <param name="zone">The zone of the weeks.</param>
    /// <returns>The report's numbers.</returns>
    public static Result Run(SalesData data, DateTimeZone zone)
    {
        var (activities, leads, opportunities, deals) = (data.ActivityColumns, data.LeadColumns, data.OpportunityColumns, data.DealColumns);
        if (!activities.Usable || !leads.Usable || !opportunities.Usable || !deals.Usable)
        {
            throw new NotSupportedException("The hand-written report reads the compact columns; these data do not fit them.");
        }

        var year = ReferenceData.Year;
        var firstMonday = ReferenceReport.WeekOf(year.Start);
        var weeks = (Period.DaysBetween(firstMonday, ReferenceReport.WeekOf(year.End)) / 7) + 1;
        var from = zone.AtStartOfDay(year.Start).ToInstant().ToUnixTimeTicks();
        var span = (ulong)(zone.AtStartOfDay(year.End.PlusDays(1)).ToInstant().ToUnixTimeTicks() - from);

        // The zone's offsets from the earliest timestamp read (a cycle starts before the year) to the year's end.
        var offsets = Offsets.Of(zone, Math.Min(from, opportunities.MinTicks), from + (long)span, firstMonday);
        var result = new Result(firstMonday, weeks, Labels(activities.Owners), Labels(leads.Owners), Labels(opportunities.Owners), Labels(deals.Owners));

        // Activities: one counter per owner, week and class.
        {
            var classOf = new byte[activities.TraitCodes];
            for (var trait = 0; trait < classOf.Length; trait++)
            {
                var kind = activities.Kinds[trait >> ActivityColumns.OutcomeBits];
                var connected = (trait & (int)ActivityOutcomes.Connected) != 0;
                classOf[trait] = (byte)(kind == SalesActivityKind.Call ? (connected ? ConnectedCall : Call)
                    : kind == SalesActivityKind.Meeting ? (connected ? ConnectedMeeting : Meeting)
                    : kind == SalesActivityKind.Email ? Email : Other);
            }

            var counts = new int[activities.Owners.Length * weeks * Classes];
            var (ticks, keys, bits, mask) = (activities.OccurredAt, activities.Keys, activities.TraitBits, activities.TraitMask);
            for (var i = 0; i < ticks.Length; i++)
            {
                var t = ticks[i];
                if ((ulong)(t - from) < span)
                {
                    var key = keys[i];
                    var cell = ((int)(key >> bits) * weeks) + offsets.Week(t);
                    counts[(cell * Classes) + classOf[key & mask]]++;
                }
            }

            for (var cell = 0; cell < result.Calls.Length; cell++)
            {
                var c = counts.AsSpan(cell * Classes, Classes);
                result.Calls[cell] = c[Call] + c[ConnectedCall];
                result.EmailsSent[cell] = c[Email];
                result.Meetings[cell] = c[Meeting] + c[ConnectedMeeting];
                result.Conversations[cell] = c[ConnectedCall] + c[ConnectedMeeting];
            }
        }

        // Leads: new leads by created, SQLs by qualified (absent ticks fail the range compare).
        {
            var (created, qualified, keys, bits) = (leads.CreatedAt, leads.QualifiedAt, leads.Keys, leads.TraitBits);
            var (newLeads, sqls) = (result.NewLeads, result.SqlCount);
            for (var i = 0; i < created.Length; i++)
            {
                var owner = (int)(keys[i] >> bits) * weeks;
                var t = created[i];
                if ((ulong)(t - from) < span)
                {
                    newLeads[owner + offsets.Week(t)]++;
                }

                t = qualified[i];
                if ((ulong)(t - from) < span)
                {
                    sqls[owner + offsets.Week(t)]++;
                }
            }
        }

        // Opportunities: closed and won by closed; the won's cycle days into a histogram per cell.
        {
            const int minDays = -1; // a fall-back transition can put a close a local day before its creation
            var dayCount = (int)(opportunities.MaxCycleTicks / TimeSpan.TicksPerDay) + 3 - minDays;
            var histogram = new int[result.Won.Length * dayCount];
            var (created, closed, keys, bits, mask) = (opportunities.CreatedAt, opportunities.ClosedAt, opportunities.Keys, opportunities.TraitBits, opportunities.TraitMask);
            var (won, closedCount, cycleSum) = (result.Won, result.Closed, result.CycleSum);
            for (var i = 0; i < closed.Length; i++)
            {
                var t = closed[i];
                var key = keys[i];
                var status = key & mask;
                if ((ulong)(t - from) < span && status != (uint)OpportunityStatus.Open)
                {
                    var cell = ((int)(key >> bits) * weeks) + offsets.Week(t);
                    closedCount[cell]++;
                    if (status == (uint)OpportunityStatus.Won)
                    {
                        won[cell]++;
                        var days = (int)(offsets.Day(t) - offsets.Day(created[i]));
                        cycleSum[cell] += days;
                        var bin = days - minDays;
                        if ((uint)bin >= (uint)dayCount)
                        {
                            throw new InvalidOperationException($"A cycle of {days} days is outside the histogram.");
                        }

                        histogram[(cell * dayCount) + bin]++;
                    }
                }
            }

            for (var cell = 0; cell < won.Length; cell++)
            {
                if (won[cell] > 0)
                {
                    result.CycleMedian[cell] = Median(histogram.AsSpan(cell * dayCount, dayCount), won[cell]) + minDays;
                }
            }
        }

        // Deals: count and whole cents per owner, week and kind.
        {
            var values = deals.Values;
            if (values.Currency.Mixed)
            {
                throw new InvalidOperationException("The deals' values are in more than one currency and the report has no reporting currency.");
            }

            const int kinds = 4;
            var counts = new int[deals.Owners.Length * weeks * kinds];
            var (ticks, keys, bits, mask) = (deals.ClosedAt, deals.Keys, deals.TraitBits, deals.TraitMask);
            if (values.Units is { } units)
            {
                var cents = new long[counts.Length];
                for (var i = 0; i < ticks.Length; i++)
                {
                    var t = ticks[i];
                    if ((ulong)(t - from) < span)
                    {
                        var key = keys[i];
                        var slot = (((int)(key >> bits) * weeks) + offsets.Week(t)) * kinds + (int)(key & mask);
                        counts[slot]++;
                        cents[slot] += units[i];
                    }
                }

                for (var cell = 0; cell < result.DealCount.Length; cell++)
                {
                    var c = cents.AsSpan(cell * kinds, kinds);
                    result.DealTotal[cell] = values.FromUnits(c[0] + c[1] + c[2] + c[3]);
                    result.RevenueNewBusiness[cell] = values.FromUnits(c[(int)DealKind.NewBusiness]);
                    result.RevenueAddOn[cell] = values.FromUnits(c[(int)DealKind.AddOn]);
                    result.RevenueRenewal[cell] = values.FromUnits(c[(int)DealKind.Renewal]);
                    result.RevenueWinBack[cell] = values.FromUnits(c[(int)DealKind.WinBack]);
                }
            }
            else
            {
                var amounts = values.Values;
                var sums = new decimal[counts.Length];
                for (var i = 0; i < ticks.Length; i++)
                {
                    var t = ticks[i];
                    if ((ulong)(t - from) < span)
                    {
                        var key = keys[i];
                        var slot = (((int)(key >> bits) * weeks) + offsets.Week(t)) * kinds + (int)(key & mask);
                        counts[slot]++;
                        sums[slot] += amounts[i];
                    }
                }

                for (var cell = 0; cell < result.DealCount.Length; cell++)
                {
                    var s = sums.AsSpan(cell * kinds, kinds);
                    result.DealTotal[cell] = s[0] + s[1] + s[2] + s[3];
                    result.RevenueNewBusiness[cell] = s[(int)DealKind.NewBusiness];
                    result.RevenueAddOn[cell] = s[(int)DealKind.AddOn];
                    result.RevenueRenewal[cell] = s[(int)DealKind.Renewal];
                    result.RevenueWinBack[cell] = s[(int)DealKind.WinBack];
                }
            }

            for (var cell = 0; cell < result.DealCount.Length; cell++)
            {
                result.DealCount[cell] = counts[cell * kinds] + counts[(cell * kinds) + 1] + counts[(cell * kinds) + 2] + counts[(cell * kinds) + 3];
            }
        }

        return result;
    }

    /// <summary>Returns the median of a histogram of <paramref name="n"/> values: the middle one, or the mean of the middle two.</summary>
    private static decimal Median(ReadOnlySpan<int> histogram, int n)
    {
        var (low, high) = ((n - 1) / 2, n / 2);
        int? lowValue = null;
        var seen = 0;
        for (var bin = 0; ; bin++)
        {
            seen += histogram[bin];
            if (lowValue is null && seen > low)
            {
                lowValue = bin;
            }

            if (seen > high)
            {
                return (lowValue!.Value + bin) / 2m;
            }
        }
    }

    private static string[] Labels(Reps.RepId?[] owners) => [.. owners.Select(o => o?.Value ?? KpiGrouping.NoKey)];

    /// <summary>
    /// The zone's offsets over a range of ticks — its transitions there (ascending) and the offset before, between and
    /// after them — and the local ticks of the first week's Monday.
    /// </summary>
    private readonly struct Offsets(long[] transitions, long[] offsets, long firstMonday)
    {
        public static Offsets Of(DateTimeZone zone, long fromTicks, long toTicks, LocalDate firstMonday)
        {
            var intervals = zone.GetZoneIntervals(Instant.FromUnixTimeTicks(fromTicks), Instant.FromUnixTimeTicks(toTicks)).ToList();
            return new(
                [.. intervals.Skip(1).Select(i => i.Start.ToUnixTimeTicks())],
                [.. intervals.Select(i => i.WallOffset.Ticks)],
                firstMonday.AtMidnight().InUtc().ToInstant().ToUnixTimeTicks());
        }

        /// <summary>Returns the week (0 for the week of 1 January) of a timestamp of the year: one division.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Week(long ticks) => (int)((ulong)(Local(ticks) - firstMonday) / (7 * TimeSpan.TicksPerDay));

        /// <summary>Returns the local day number (days since 1970-01-01) of a timestamp in the range.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Day(long ticks)
        {
            var local = Local(ticks);
            return (local >= 0 ? local : local - (TimeSpan.TicksPerDay - 1)) / TimeSpan.TicksPerDay;
        }

        /// <summary>Returns a timestamp's local ticks: the ticks plus the offset of the interval it falls in.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private long Local(long ticks)
        {
            var k = 0;
            while (k < transitions.Length && ticks >= transitions[k])
            {
                k++;
            }

            return ticks + offsets[k];
        }
    }

    /// <summary>
    /// The report's numbers: one flat array per KPI, indexed by owner code × weeks + week, each collection with its own
    /// owner codes (the compact columns'), and the label of each code.
    /// </summary>
    public sealed class Result
    {
        internal Result(LocalDate firstMonday, int weeks, string[] activityOwners, string[] leadOwners, string[] opportunityOwners, string[] dealOwners)
        {
            FirstMonday = firstMonday;
            Weeks = weeks;
            ActivityOwners = activityOwners;
            LeadOwners = leadOwners;
            OpportunityOwners = opportunityOwners;
            DealOwners = dealOwners;
            (Calls, EmailsSent, Meetings, Conversations) = (Cells(activityOwners), Cells(activityOwners), Cells(activityOwners), Cells(activityOwners));
            (NewLeads, SqlCount) = (Cells(leadOwners), Cells(leadOwners));
            (Won, Closed, CycleSum, CycleMedian) = (Cells(opportunityOwners), Cells(opportunityOwners), new long[opportunityOwners.Length * weeks], new decimal[opportunityOwners.Length * weeks]);
            DealCount = Cells(dealOwners);
            (DealTotal, RevenueNewBusiness, RevenueAddOn, RevenueRenewal, RevenueWinBack) = (Money(), Money(), Money(), Money(), Money());
            decimal[] Money() => new decimal[dealOwners.Length * weeks];
        }

        /// <summary>Gets the Monday of week 0.</summary>
        public LocalDate FirstMonday { get; }

        /// <summary>Gets the number of weeks.</summary>
        public int Weeks { get; }

        /// <summary>Gets the label of each activity owner code.</summary>
        public IReadOnlyList<string> ActivityOwners { get; }

        /// <summary>Gets the label of each lead owner code (<c>(none)</c> for code 0).</summary>
        public IReadOnlyList<string> LeadOwners { get; }

        /// <summary>Gets the label of each opportunity owner code.</summary>
        public IReadOnlyList<string> OpportunityOwners { get; }

        /// <summary>Gets the label of each deal owner code.</summary>
        public IReadOnlyList<string> DealOwners { get; }

        /// <summary>Gets the calls per activity cell.</summary>
        public int[] Calls { get; }

        /// <summary>Gets the emails sent per activity cell.</summary>
        public int[] EmailsSent { get; }

        /// <summary>Gets the meetings per activity cell (the numerator of call-to-meeting, whose denominator is <see cref="Calls"/>).</summary>
        public int[] Meetings { get; }

        /// <summary>Gets the connected calls and meetings per activity cell.</summary>
        public int[] Conversations { get; }

        /// <summary>Gets the leads created per lead cell.</summary>
        public int[] NewLeads { get; }

        /// <summary>Gets the leads qualified per lead cell.</summary>
        public int[] SqlCount { get; }

        /// <summary>Gets the won opportunities per opportunity cell (close rate's numerator and the cycle's sample size).</summary>
        public int[] Won { get; }

        /// <summary>Gets the won and lost opportunities per opportunity cell (close rate's denominator).</summary>
        public int[] Closed { get; }

        /// <summary>Gets the sum of the won opportunities' cycle days per opportunity cell.</summary>
        public long[] CycleSum { get; }

        /// <summary>Gets the median of the won opportunities' cycle days per opportunity cell.</summary>
        public decimal[] CycleMedian { get; }

        /// <summary>Gets the deals per deal cell.</summary>
        public int[] DealCount { get; }

        /// <summary>Gets the deals' total value per deal cell.</summary>
        public decimal[] DealTotal { get; }

        /// <summary>Gets the revenue of new-business deals per deal cell.</summary>
        public decimal[] RevenueNewBusiness { get; }

        /// <summary>Gets the revenue of add-on deals per deal cell.</summary>
        public decimal[] RevenueAddOn { get; }

        /// <summary>Gets the revenue of renewal deals per deal cell.</summary>
        public decimal[] RevenueRenewal { get; }

        /// <summary>Gets the revenue of win-back deals per deal cell.</summary>
        public decimal[] RevenueWinBack { get; }

        /// <summary>Returns the results in comparable form.</summary>
        public ReportTable ToTable()
        {
            var table = new ReportTable();
            var labels = Enumerable.Range(0, Weeks).Select(w => ReferenceReport.WeekLabel(FirstMonday.PlusWeeks(w))).ToArray();
            void Each(IReadOnlyList<string> owners, Action<string, string, int> add)
            {
                for (var cell = 0; cell < owners.Count * Weeks; cell++)
                {
                    add(owners[cell / Weeks], labels[cell % Weeks], cell);
                }
            }

            Each(ActivityOwners, (rep, week, c) =>
            {
                table.Count(rep, week, ReferenceReport.Ids.Calls, Calls[c]);
                table.Count(rep, week, ReferenceReport.Ids.EmailsSent, EmailsSent[c]);
                table.Count(rep, week, ReferenceReport.Ids.Meetings, Meetings[c]);
                table.Count(rep, week, ReferenceReport.Ids.Conversations, Conversations[c]);
                table.Ratio(rep, week, ReferenceReport.Ids.CallToMeeting, Meetings[c], Calls[c]);
            });
            Each(LeadOwners, (rep, week, c) =>
            {
                table.Count(rep, week, ReferenceReport.Ids.NewLeads, NewLeads[c]);
                table.Count(rep, week, ReferenceReport.Ids.SqlCount, SqlCount[c]);
            });
            Each(OpportunityOwners, (rep, week, c) =>
            {
                table.Ratio(rep, week, ReferenceReport.Ids.CloseRate, Won[c], Closed[c]);
                table.Sample(rep, week, ReferenceReport.Ids.SalesCycle, Won[c], Won[c] == 0 ? null : (decimal)CycleSum[c] / Won[c], CycleMedian[c]);
            });
            Each(DealOwners, (rep, week, c) =>
            {
                table.Average(rep, week, ReferenceReport.Ids.AverageDealSize, DealTotal[c], DealCount[c]);
                table.Money(rep, week, ReferenceReport.Ids.RevenueNewBusiness, RevenueNewBusiness[c]);
                table.Money(rep, week, ReferenceReport.Ids.RevenueAddOn, RevenueAddOn[c]);
                table.Money(rep, week, ReferenceReport.Ids.RevenueRenewal, RevenueRenewal[c]);
                table.Money(rep, week, ReferenceReport.Ids.RevenueWinBack, RevenueWinBack[c]);
            });
            return table;
        }

        private int[] Cells(string[] owners) => new int[owners.Length * Weeks];
    }
}
