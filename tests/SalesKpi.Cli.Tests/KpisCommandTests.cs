using System.Text.Json;

namespace SalesKpi.Cli.Tests;

public sealed class KpisCommandTests
{
    [Fact]
    public void Kpis_FormatJson_IsAnArrayOfEveryKpiWithItsIdUnitDirectionAndDescription()
    {
        var result = Cli.Run("kpis", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        var kpis = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(Reporting.Kpis.All.Length, kpis.Count);
        var closeRate = kpis.Single(k => k.GetProperty("id").GetString() == "close-rate");
        Assert.Equal("ratio", closeRate.GetProperty("unit").GetString());
        Assert.Equal("higher-is-better", closeRate.GetProperty("direction").GetString());
        Assert.Equal(Reporting.Kpis.CloseRate.Description, closeRate.GetProperty("description").GetString());
        var cycle = kpis.Single(k => k.GetProperty("id").GetString() == "sales-cycle-length");
        Assert.Equal(("days", "lower-is-better"), (cycle.GetProperty("unit").GetString(), cycle.GetProperty("direction").GetString()));
        Assert.Equal(["id", "unit", "direction", "description"], closeRate.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Kpis_FormatJson_HasTheFieldsOfAReportsKpis()
    {
        var list = JsonDocument.Parse(Cli.Run("kpis", "--format", "json").Output).RootElement;
        var report = Cli.Json("report", "--kpi", "revenue,churn-rate");

        foreach (var kpi in report.GetProperty("kpis").EnumerateArray())
        {
            var listed = list.EnumerateArray().Single(k => k.GetProperty("id").GetString() == kpi.GetProperty("id").GetString());
            Assert.Equal(kpi.EnumerateObject().Select(p => (p.Name, p.Value.GetString())), listed.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
        }
    }

    [Fact]
    public void Kpis_DefaultFormat_IsTheTable()
    {
        var table = Cli.Run("kpis");
        var explicitTable = Cli.Run("kpis", "--format", "table");

        Assert.Equal(0, table.ExitCode);
        Assert.Equal(table.Output, explicitTable.Output);
        Assert.StartsWith("calls", table.Output);
    }
}
