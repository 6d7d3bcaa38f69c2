namespace SalesKpi.Rendering.Tests.Documents;

public sealed class ModelValidationTests
{
    [Fact]
    public void TableSection_RowWithTheWrongNumberOfCells_ThrowsNamingTheRow()
    {
        var e = Assert.Throws<ArgumentException>(() => new TableSection(null, [new("a"), new("b")], [["1", "2"], ["3"]]));

        Assert.Equal("rows", e.ParamName);
        Assert.Contains("Row 1 has 1 cells; the table has 2 columns.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TableSection_NullCellOrNoColumns_Throws()
    {
        Assert.Equal("rows", Assert.Throws<ArgumentNullException>(() => new TableSection(null, [new("a")], [[null!]])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => new TableSection(null, [], [])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentNullException>(() => new TableSection(null, [null!], [])).ParamName);
    }

    [Fact]
    public void TableSection_CopiesItsRows()
    {
        var row = new[] { "1" };
        var table = new TableSection(null, [new("a")], [row]);

        row[0] = "changed";

        Assert.Equal("1", table.Rows[0][0]);
    }

    [Fact]
    public void LineChartSection_SeriesWithAValuePerLabelOnly()
    {
        var e = Assert.Throws<ArgumentException>(() => new LineChartSection(null, ["a", "b"], [new ChartSeries("s", [1.0])]));

        Assert.Equal("series", e.ParamName);
        Assert.Contains("Series 's' has 1 values; the chart has 2 labels.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ChartValues_NotFinite_Throw(double value)
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new ChartSeries("s", [value])).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => new ChartBar("b", value, "x")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => new ChartReference("r", value)).ParamName);
    }

    [Fact]
    public void TableColumn_UnknownAlignment_Throws() =>
        Assert.Equal("alignment", Assert.Throws<ArgumentOutOfRangeException>(() => new TableColumn("a", (ColumnAlignment)5)).ParamName);

    [Fact]
    public void KpiDocument_NullNoteOrSection_Throws()
    {
        Assert.Equal("notes", Assert.Throws<ArgumentNullException>(() => new KpiDocument("t", [null!], [])).ParamName);
        Assert.Equal("sections", Assert.Throws<ArgumentNullException>(() => new KpiDocument("t", [], [null!])).ParamName);
    }
}
