using System.Text.Json;
using System.Text.RegularExpressions;

namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>The error examples of docs/cli.md ("When things go wrong"), each run through a shell and compared with what the document shows.</summary>
public partial class CliDocsTests
{
    [Fact]
    public void CliDocs_EveryErrorExample_IsWhatTheToolPrints()
    {
        var doc = File.ReadAllText(Path.Combine(ExecutableTests.RepositoryRoot, "docs", "cli.md")).ReplaceLineEndings("\n");
        var block = Block().Match(doc);
        Assert.True(block.Success, "docs/cli.md has the <!-- cli-errors --> block");

        var examples = block.Groups["body"].Value.Split("\n\n");
        Assert.True(examples.Length >= 4);
        foreach (var example in examples)
        {
            var lines = example.TrimEnd('\n').Split('\n');
            Assert.StartsWith("$ saleskpi ", lines[0]);

            var result = ToolProcess.Shell(lines[0][2..]);

            Assert.Equal(string.Join('\n', lines.Skip(1)) + "\n", result.Error + result.Output);
        }
    }

    [Fact]
    public void CliDocs_JsonExample_IsWhatTheToolWrites()
    {
        var doc = File.ReadAllText(Path.Combine(ExecutableTests.RepositoryRoot, "docs", "cli.md")).ReplaceLineEndings("\n");
        var example = JsonExample().Match(doc);
        Assert.True(example.Success, "docs/cli.md has the JSON example after 'An example, `saleskpi report --data small'");

        var small = Cli.Fixture("small");
        var result = Cli.Run("report", "--data", small, "--by", "team", "--kpi", "close-rate,deals-won,sales-cycle-length", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var written = result.Output.Replace(JsonEncodedText.Encode(small).ToString(), "small", StringComparison.Ordinal);
        Assert.Equal(example.Groups["json"].Value.TrimEnd('\n'), written.TrimEnd('\n'));
    }

    [GeneratedRegex("An example, `saleskpi report --data small [^`]*`[^\n]*\n[^\n]*\n\n```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonExample();

    [GeneratedRegex("<!-- cli-errors -->\n```text\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
