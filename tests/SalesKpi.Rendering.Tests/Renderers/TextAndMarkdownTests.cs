namespace SalesKpi.Rendering.Tests.Renderers;

public sealed class TextAndMarkdownTests
{
    private static readonly KpiDocument Small = new(
        "Title",
        ["first note", "second note"],
        [
            new TableSection(
                "Heading",
                [new("KPI"), new("Value", ColumnAlignment.Right)],
                [["a", "1"], ["bb", "22"]],
                ["a footnote"]),
            new LineChartSection("Chart", ["x"], [new ChartSeries("s", [1.0])]),
        ]);

    [Fact]
    public void Text_SmallDocument_IsTitleNotesAndABoxedTableWithNumbersRightAligned()
    {
        var text = DocumentRenderer.Render(Small, RenderFormat.Text);

        // The KPI column is as wide as its header (3) and Value as "Value" (5); each cell has a space either side.
        Assert.Equal(
            """
            Title
            first note
            second note

            Heading
            ╭─────┬───────╮
            │ KPI │ Value │
            ├─────┼───────┤
            │ a   │     1 │
            │ bb  │    22 │
            ╰─────┴───────╯
            a footnote

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Text_TableWiderThanTheWidth_IsSplitIntoTablesThatEachRepeatTheFirstColumn()
    {
        var document = new KpiDocument(
            "T",
            [],
            [new TableSection(null, [new("K"), new("aaaa", ColumnAlignment.Right), new("bbbb", ColumnAlignment.Right), new("cccc", ColumnAlignment.Right)], [["x", "1", "2", "3"]])]);

        var text = DocumentRenderer.Render(document, RenderFormat.Text, new RenderOptions { Width = 20 });

        // Width 20: "│ K │" takes 5 (one border + 1 + 3), so 15 are left and each 4-wide column takes 7: two fit (14),
        // the third starts a second table that repeats K.
        Assert.Equal(
            """
            T

            ╭───┬──────┬──────╮
            │ K │ aaaa │ bbbb │
            ├───┼──────┼──────┤
            │ x │    1 │    2 │
            ╰───┴──────┴──────╯

            ╭───┬──────╮
            │ K │ cccc │
            ├───┼──────┤
            │ x │    3 │
            ╰───┴──────╯

            """.ReplaceLineEndings("\n"),
            text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 20, line));
    }

    [Fact]
    public void Text_ControlCharactersInCells_AreReplaced()
    {
        var document = new KpiDocument("T\u001b[2J", [], [new TableSection(null, [new("K")], [["\u001b[31mred"]])]);

        var text = DocumentRenderer.Render(document, RenderFormat.Text);

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("\uFFFD[31mred", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_SmallDocument_IsHeadingsAndAPipeTableWithARightAlignedColumn()
    {
        var markdown = DocumentRenderer.Render(Small, RenderFormat.Markdown);

        Assert.Equal(
            """
            # Title

            first note\
            second note

            ## Heading

            | KPI | Value |
            | --- | ---: |
            | a | 1 |
            | bb | 22 |

            a footnote

            """.ReplaceLineEndings("\n"),
            markdown);
    }

    [Fact]
    public void Markdown_PipesAndMarkupInCells_AreEscaped()
    {
        var document = new KpiDocument("A *b*", [], [new TableSection(null, [new("x|y")], [["a|b"], ["<i>_c_</i>"]])]);

        var markdown = DocumentRenderer.Render(document, RenderFormat.Markdown);

        Assert.Equal(
            """
            # A \*b\*

            | x\|y |
            | --- |
            | a\|b |
            | \<i\>\_c\_\</i\> |

            """.ReplaceLineEndings("\n"),
            markdown);
    }

    [Fact]
    public void Write_UsesTheWritersNewLine()
    {
        using var writer = new StringWriter { NewLine = "\r\n" };

        DocumentRenderer.Write(new KpiDocument("T", ["n"], []), RenderFormat.Text, writer);

        Assert.Equal("T\r\nn\r\n", writer.ToString());
    }

    [Fact]
    public void Render_UnknownFormat_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DocumentRenderer.Render(Small, (RenderFormat)7));

        Assert.Equal("format", e.ParamName);
    }

    [Fact]
    public void RenderOptions_WidthBelowTwenty_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RenderOptions { Width = 19 });
        Assert.Equal(120, new RenderOptions().Width);
    }
}
