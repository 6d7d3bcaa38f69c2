using NodaTime;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering.Tests.Documents;

/// <summary>
/// Forecasts of January–February 2025 against <see cref="TinyData"/>: won ayse 1,000 (01-10) + 3,000 (02-05) = 4,000 USD,
/// budi 2,000 (01-20).
/// </summary>
public class ForecastDocumentsTests
{
    private static readonly KpiEvaluator Evaluator = new(KpiSettings.Default.WithReportingCurrency(Currency.USD));

    private static ForecastAccuracyResult Accuracy() => new ForecastAccuracyCalculator().Evaluate(Evaluator, TinyData.Data,
    [
        // Both before the cutoff, the period's start (2025-01-01).
        new ForecastSubmission(KpiGrouping.ByRep, "ayse", TinyData.JanuaryToFebruary, new Money(5_000m, Currency.USD), Instant.FromUtc(2024, 12, 20, 9, 0)) { PeriodLabel = "Jan-Feb" },
        new ForecastSubmission(KpiGrouping.ByRep, "budi", TinyData.JanuaryToFebruary, new Money(2_000m, Currency.USD), Instant.FromUtc(2024, 12, 21, 9, 0)) { PeriodLabel = "Jan-Feb" },
    ]);

    [Fact]
    public void Accuracy_PerSubmitter_ForecastActualAndAccuracy()
    {
        var table = ForecastDocuments.Accuracy(Accuracy(), g => g.ToUpperInvariant());

        Assert.Equal("Forecast accuracy", table.Heading);
        Assert.Equal(["Period", "Submitter", "Forecast", "Actual", "Accuracy"], table.Columns.Select(c => c.Header));
        // ayse 4,000 / 5,000 = 80.0%; budi 2,000 / 2,000 = 100.0%.
        Assert.Equal(["Jan-Feb", "AYSE", "5,000 USD", "4,000 USD", "80.0%"], table.Rows[0].AsEnumerable());
        Assert.Equal(["Jan-Feb", "BUDI", "2,000 USD", "2,000 USD", "100.0%"], table.Rows[1].AsEnumerable());
        Assert.Single(table.Footnotes);
    }

    [Fact]
    public void Error_PerPeriod_MapeAndSignedBias()
    {
        var table = ForecastDocuments.Error(Accuracy());

        // MAPE (|4,000 − 5,000| / 4,000 + 0 / 2,000) / 2 = 0.125; bias (1,000 + 0) / (4,000 + 2,000) = 0.1667: over-forecast.
        Assert.Equal(["Jan-Feb", "rep", "12.5%", "+16.7%", "2", "0", "0"], Assert.Single(table.Rows).AsEnumerable());
    }

    [Fact]
    public void Projections_WonSoFarRunRateAndAttainments()
    {
        // As of 2025-01-31T00:00Z: 30 of the 59 days. No opportunities, so the weighted pipeline is 0 and projected = won so far.
        var projections = new AttainmentProjectionCalculator(new AttainmentProjectionOptions { Quota = (rep, _) => rep == "ayse" ? new Money(4_000m, Currency.USD) : null })
            .Evaluate(Evaluator, TinyData.Data, TinyData.JanuaryToFebruary, KpiGrouping.ByRep, Instant.FromUtc(2025, 1, 31, 0, 0));

        var table = ForecastDocuments.Projections(projections);

        // ayse: won 1,000 (01-10); run rate 1,000 × 59 / 30 = 1,966.67; 1,000 / 4,000 = 25.0%; 1,966.67 / 4,000 = 49.2%.
        Assert.Equal(["ayse", "30 / 59", "1,000 USD", "0 USD", "1,000 USD", "1,967 USD", "4,000 USD", "25.0%", "49.2%"], table.Rows[0].AsEnumerable());
        // budi: won 2,000 (01-20); run rate 2,000 × 59 / 30 = 3,933.33; no quota.
        Assert.Equal(["budi", "30 / 59", "2,000 USD", "0 USD", "2,000 USD", "3,933 USD", KpiValueText.Undefined, KpiValueText.Undefined, KpiValueText.Undefined], table.Rows[1].AsEnumerable());
        Assert.Equal("2025-01-01 to 2025-02-28 as of 2025-01-31T00:00:00Z", table.Footnotes[0]);
    }

    [Fact]
    public void Accuracy_RendersToTextAndMarkdown()
    {
        var accuracy = Accuracy();
        var projections = new AttainmentProjectionCalculator().Evaluate(Evaluator, TinyData.Data, TinyData.JanuaryToFebruary, KpiGrouping.ByRep, Instant.FromUtc(2025, 1, 31, 0, 0));

        // <snippet:forecasting-render>
        var document = new KpiDocument(
            "Forecasts",
            [],
            [ForecastDocuments.Accuracy(accuracy), ForecastDocuments.Error(accuracy), ForecastDocuments.Projections(projections)]);
        string markdown = DocumentRenderer.Render(document, RenderFormat.Markdown);
        // </snippet:forecasting-render>
        var text = DocumentRenderer.Render(document, RenderFormat.Text);

        Assert.Contains("| Jan-Feb | ayse | 5,000 USD | 4,000 USD | 80.0% |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Jan-Feb | rep | 12.5% | +16.7% | 2 | 0 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("Forecast accuracy", text, StringComparison.Ordinal);
        Assert.Contains("Attainment projection", markdown, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), l => l.Contains("budi", StringComparison.Ordinal) && l.Contains("100.0%", StringComparison.Ordinal));
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ForecastDocuments.Accuracy(null!));
        Assert.Throws<ArgumentNullException>(() => ForecastDocuments.Error(null!));
        Assert.Throws<ArgumentNullException>(() => ForecastDocuments.Projections(null!));
        Assert.Throws<ArgumentNullException>(() => ForecastDocuments.Projections([null!]));
    }
}
