using System.Diagnostics.Metrics;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Diagnostics;

/// <summary>
/// Publishes the values of a report as metrics: the observable gauge <c>saleskpi.kpi.value</c>
/// (<see cref="SalesKpiTelemetry.KpiValue"/>), one measurement per KPI, group and period, so KPIs appear on a
/// Prometheus, Grafana or OpenTelemetry dashboard beside the application's other metrics.
/// </summary>
/// <remarks>
/// <para>Each measurement carries the tags <c>kpi</c> (the KPI id), <c>group</c> (the group key, <c>all</c> when
/// ungrouped), <c>period</c> (the period label) and <c>unit</c> (<c>count</c>, <c>ratio</c>, <c>money</c>, <c>days</c>,
/// <c>money-per-day</c> or <c>number</c>), and <c>currency</c> for money. Undefined values (a ratio over zero) are left
/// out rather than reported as zero.</para>
/// <para>The gauge reports the values of the last report published: <see cref="Publish"/> replaces them all at once,
/// so a listener never sees half of one report and half of another. Publish a report of the current period from a
/// scheduled evaluation; every group and period is a time series, so keep reports that are published small.</para>
/// <para>Listeners find the gauge on a meter named <c>SalesKpi</c>, the one the parameterless constructor creates, or
/// on the meter given to the other constructor (one from <c>IMeterFactory</c>).</para>
/// </remarks>
/// <threadsafety>Every member is thread-safe.</threadsafety>
public sealed class KpiMetrics : IDisposable
{
    private static readonly Measurement<double>[] None = [];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private Measurement<double>[] _measurements = None;
    private volatile bool _disposed;

    /// <summary>Initializes metrics on a meter of their own named <c>SalesKpi</c>, disposed with them.</summary>
    public KpiMetrics()
        : this(new Meter(SalesKpiTelemetry.SourceName), ownsMeter: true)
    {
    }

    /// <summary>Initializes metrics on the given meter, which the caller keeps and disposes.</summary>
    /// <param name="meter">The meter the gauge is created on, such as <c>meterFactory.Create("SalesKpi")</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="meter"/> is null.</exception>
    public KpiMetrics(Meter meter)
        : this(Preconditions.CheckNotNull(meter), ownsMeter: false)
    {
    }

    private KpiMetrics(Meter meter, bool ownsMeter)
    {
        _meter = meter;
        _ownsMeter = ownsMeter;
        _meter.CreateObservableGauge(
            SalesKpiTelemetry.KpiValue,
            () => _disposed ? None : Volatile.Read(ref _measurements),
            unit: null,
            description: "The value of a KPI for a group and a period, from the last report published.");
    }

    /// <summary>Replaces the values the gauge reports with those of a report.</summary>
    /// <param name="report">The report, such as the current month's KPIs by rep.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The metrics are disposed.</exception>
    public void Publish(KpiReport report)
    {
        Preconditions.CheckNotNull(report);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = report.Rows;
        var measurements = new List<Measurement<double>>(rows.Length);
        foreach (var row in rows)
        {
            if (row.Value.Value is not { } value)
            {
                continue;
            }

            var currency = row.Value.Currency;
            var tags = new KeyValuePair<string, object?>[currency is null ? 4 : 5];
            tags[0] = new("kpi", row.KpiId);
            tags[1] = new("group", row.Group);
            tags[2] = new("period", row.Period.Label);
            tags[3] = new("unit", KpiUnitNames.Of(row.Value.Unit));
            if (currency is not null)
            {
                tags[4] = new("currency", currency.Value.Code);
            }

            measurements.Add(new Measurement<double>((double)value, tags));
        }

        Volatile.Write(ref _measurements, [.. measurements]);
    }

    /// <summary>Removes every value: the gauge reports nothing until the next <see cref="Publish"/>.</summary>
    public void Clear() => Volatile.Write(ref _measurements, None);

    /// <summary>Stops reporting values, and disposes the meter when the metrics created it.</summary>
    public void Dispose()
    {
        _disposed = true;
        Volatile.Write(ref _measurements, None);
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
