using System.Text.RegularExpressions;

namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>The output examples of docs/cli.md (the <c>&lt;!-- cli-output --&gt;</c> blocks), each run through a shell and compared with what the document shows.</summary>
public partial class CliDocsTests
{
    [Fact]
    public void CliDocs_EveryOutputExample_IsWhatTheToolWrites()
    {
        var doc = File.ReadAllText(Path.Combine(ExecutableTests.RepositoryRoot, "docs", "cli.md")).ReplaceLineEndings("\n");
        var blocks = OutputBlock().Matches(doc);
        Assert.NotEmpty(blocks);

        foreach (Match block in blocks)
        {
            // The command, then its output to the byte (a report ends with an empty line).
            var body = block.Groups["body"].Value;
            var command = body[..body.IndexOf('\n', StringComparison.Ordinal)];
            Assert.StartsWith("$ saleskpi ", command);

            var result = ToolProcess.Shell(command[2..]);

            Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
            Assert.Equal(body[(command.Length + 1)..], result.Output);
        }
    }

    [GeneratedRegex("<!-- cli-output -->\n```text\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();
}
