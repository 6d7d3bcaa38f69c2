namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>Regression tests for the members of SalesKpi.Csv the null-argument sweep (issue #8) found unguarded.</summary>
public sealed class CsvNullArgumentRegressionTests
{
    [Fact]
    public void Regression_NullArguments_DirectorySource_NamesFileNameNotPath2()
    {
        // Before: Path.Combine threw ArgumentNullException naming its own parameter, 'path2', from all four members.
        var source = CsvSource.FromDirectory(AppContext.BaseDirectory);

        Assert.Throws<ArgumentNullException>("fileName", () => source.Describe(null!));
        Assert.Throws<ArgumentNullException>("fileName", () => source.Exists(null!));
        Assert.Throws<ArgumentNullException>("fileName", () => source.Open(null!));
        Assert.Throws<ArgumentNullException>("fileName", () => source.LengthOf(null!));
    }

    [Fact]
    public void Regression_NullArguments_LengthOfNotOverridden_RefusesNullInsteadOfUnknown()
    {
        // Before: the base implementation answered "unknown size" for a null name.
        var source = new NoLengthSource();

        Assert.Throws<ArgumentNullException>("fileName", () => source.LengthOf(null!));
    }

    private sealed class NoLengthSource : CsvSource
    {
        public override string Description => "none";

        public override bool Exists(string fileName) => false;

        public override Stream Open(string fileName) => throw new FileNotFoundException("No files here.", fileName);

        public override string Describe(string fileName) => fileName;
    }
}
