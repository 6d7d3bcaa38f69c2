using System.Text.RegularExpressions;

namespace SalesKpi.Cli.Tests.Hostile;

public partial class CliDocsTests
{
    [Fact]
    public void CliDocs_KpisJsonExample_IsHowTheToolsOutputStarts()
    {
        var doc = File.ReadAllText(Path.Combine(ExecutableTests.RepositoryRoot, "docs", "cli.md")).ReplaceLineEndings("\n");
        var block = KpisJsonBlock().Match(doc);
        Assert.True(block.Success, "docs/cli.md has the <!-- kpis-json --> block");

        // The command, the first lines of its output to the byte, "  …" for the rest, and the closing bracket.
        var lines = block.Groups["body"].Value.TrimEnd('\n').Split('\n');
        Assert.Equal("$ saleskpi kpis --format json", lines[0]);
        Assert.Equal(["  …", "]"], lines[^2..]);
        var result = ToolProcess.Shell(lines[0][2..]);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        var shown = string.Join('\n', lines[1..^2]) + "\n";
        Assert.StartsWith(shown, result.Output, StringComparison.Ordinal);
        Assert.EndsWith("  }\n]\n", result.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex("<!-- kpis-json -->\n```json\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex KpisJsonBlock();
}
