using System.Text.RegularExpressions;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>
/// Keeps the C# shown in the docs compiled: a block tagged <c>&lt;!-- snippet:name --&gt;</c> in README.md or docs/*.md
/// must equal the test code between <c>// &lt;snippet:name&gt;</c> and <c>// &lt;/snippet:name&gt;</c>, which builds and runs
/// with the tests.
/// </summary>
/// <remarks>
/// <para>To change a snippet, change the code, then paste the code between its markers, unindented, into the page.</para>
/// </remarks>
public sealed partial class DocsSnippetTests
{
    /// <summary>The pages whose every C# block must be a snippet, or say why not with <c>&lt;!-- not-compiled: reason --&gt;</c>.</summary>
    private static readonly string[] FullyCompiledPages = ["README.md", "docs/dependency-injection.md", "docs/extending.md", "docs/json.md", "docs/telemetry.md", "docs/sql.md", "docs/rendering.md", "docs/dimensions.md", "docs/pipeline.md", "docs/forecasting.md"];

    private static readonly Lazy<Dictionary<string, string>> Snippets = new(ReadSnippets);

    public static TheoryData<string, string> TaggedBlocks()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages())
        {
            foreach (Match m in TaggedBlock().Matches(ReadPage(page)))
            {
                data.Add(page, m.Groups["name"].Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TaggedBlocks))]
    public void TaggedBlock_EqualsTheMarkedCode(string page, string name)
    {
        var block = TaggedBlock().Matches(ReadPage(page)).Single(m => m.Groups["name"].Value == name).Groups["code"].Value;

        Assert.True(Snippets.Value.TryGetValue(name, out var code), $"{page}: no test code is marked // <snippet:{name}>.");
        Assert.True(
            Normalize(block) == Normalize(code),
            $"{page}: the block tagged snippet:{name} differs from the marked code. Replace the block with:\n{code}");
    }

    [Theory]
    [InlineData("docs/dependency-injection.md", "di-registration", "kpi-endpoint", "kpi-endpoint-program", "di-resolve", "di-fake-clock", "hosting-configuration")]
    [InlineData("docs/extending.md", "demos-calculator", "demos-per-won-deal-calculator", "demos-registration", "demos-per-won-deal-test")]
    [InlineData("README.md", "readme-usings", "readme-registration", "readme-quick-start", "readme-report")]
    [InlineData("docs/telemetry.md", "telemetry-kpi-metrics")]
    [InlineData("docs/json.md", "json-serialize")]
    [InlineData("docs/dimensions.md", "dimensions-data", "dimensions-report", "dimensions-di")]
    [InlineData("docs/pipeline.md", "pipeline-waterfall", "pipeline-as-of", "rendering-waterfall")]
    [InlineData("docs/sql.md", "sql-evaluate", "sql-explain")]
    [InlineData("docs/rendering.md", "rendering-report", "rendering-comparison", "rendering-document", "rendering-waterfall")]
    [InlineData("docs/forecasting.md", "forecasting-data", "forecasting-evaluate")]
    public void Page_ShowsItsCompiledSnippets(string page, params string[] names)
    {
        var shown = TaggedBlock().Matches(ReadPage(page)).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.All(names, name => Assert.Contains(name, shown));
    }

    [Theory]
    [MemberData(nameof(FullyCompiledPageData))]
    public void FullyCompiledPage_EveryCSharpBlockIsASnippetOrSaysWhyNot(string page)
    {
        var text = ReadPage(page);
        var blocks = CSharpBlockStart().Matches(text);

        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.True(
            b.Groups["tag"].Success,
            $"{page}: the C# block at offset {b.Index} is neither tagged <!-- snippet:name --> nor <!-- not-compiled: reason -->."));
    }

    [Fact]
    public void Markers_AreBalancedAndUnique()
    {
        Assert.NotEmpty(Snippets.Value); // ReadSnippets throws on an unclosed or repeated marker.
    }

    public static TheoryData<string> FullyCompiledPageData() => [.. FullyCompiledPages];

    private static IEnumerable<string> Pages() =>
        new[] { "README.md" }.Concat(
            Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md")
                .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));

    private static string ReadPage(string page) => File.ReadAllText(Path.Combine(Repository.Root, page)).ReplaceLineEndings("\n");

    private static string Normalize(string code) =>
        string.Join('\n', code.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    private static Dictionary<string, string> ReadSnippets()
    {
        var snippets = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var open = OpenMarker().Match(lines[i]);
                if (!open.Success)
                {
                    continue;
                }

                var name = open.Groups["name"].Value;
                var close = Array.FindIndex(lines, i + 1, l => l.Trim() == $"// </snippet:{name}>");
                if (close < 0)
                {
                    throw new InvalidOperationException($"{file}: // <snippet:{name}> is never closed.");
                }

                if (!snippets.TryAdd(name, Dedent(lines[(i + 1)..close])))
                {
                    throw new InvalidOperationException($"{file}: snippet '{name}' is marked twice.");
                }

                i = close;
            }
        }

        return snippets;
    }

    private static string Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ')));
    }

    [GeneratedRegex(@"^\s*// <snippet:(?<name>[a-z0-9-]+)>\s*$")]
    private static partial Regex OpenMarker();

    [GeneratedRegex(@"<!-- snippet:(?<name>[a-z0-9-]+) -->\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex TaggedBlock();

    [GeneratedRegex(@"(?<tag><!-- (?:snippet:[a-z0-9-]+|not-compiled: [^>]+) -->\n)?```csharp\n")]
    private static partial Regex CSharpBlockStart();
}
