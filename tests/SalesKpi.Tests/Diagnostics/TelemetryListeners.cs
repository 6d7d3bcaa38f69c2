namespace SalesKpi.Tests.Diagnostics;

/// <summary>
/// The tests that listen to the <c>SalesKpi</c> source and meter: they run alone, because a listener hears every
/// evaluation in the process, and another test's evaluation would add spans and measurements to theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryListeners
{
    public const string Name = "Telemetry";
}
