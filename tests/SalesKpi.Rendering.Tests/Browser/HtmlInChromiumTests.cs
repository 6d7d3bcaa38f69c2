using System.Text.Json;
using PuppeteerSharp;

namespace SalesKpi.Rendering.Tests.Browser;

/// <summary>
/// Opens a rendered page in Debian's headless Chromium (tools/install-chromium.sh; nothing is downloaded) and checks what
/// a person would see: a screenshot that is not blank, charts that take up room, a mark per defined point and bar, the
/// expected table headers, and a page that fits a phone's width with its tables scrolling inside their wrappers.
/// </summary>
public sealed class HtmlInChromiumTests
{
    [Fact]
    public async Task Page_InChromium_DrawsItsChartsAndTables()
    {
        var path = Path.Combine(Path.GetTempPath(), $"saleskpi-rendering-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, DocumentRenderer.Render(BrowserDocument.Create(), RenderFormat.Html));
        try
        {
            await using var browser = await Launch();
            await using var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1024, Height = 768 });
            await page.GoToAsync(new Uri(path).AbsoluteUri, WaitUntilNavigation.Load);

            var png = await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
            Assert.True(png.Length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "the screenshot is not a PNG");
            var colours = await DistinctColours(browser, png);
            Assert.True(colours >= 4, $"the screenshot has {colours} distinct colours: the page rendered blank");

            var boxes = await Json<double[][]>(page, "[...document.querySelectorAll('svg')].map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; })");
            Assert.Equal(2, boxes.Length);
            Assert.All(boxes, b => Assert.True(b[0] > 100 && b[1] > 50, $"an svg is {b[0]} × {b[1]}"));

            Assert.Equal(BrowserDocument.DefinedPoints, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg circle.mark').length"));
            Assert.Equal(BrowserDocument.DrawnBars, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg rect.bar').length"));
            Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg line.reference').length"));
            // Every mark and bar is drawn with a size, inside its chart.
            var markBoxes = await Json<double[][]>(page, "[...document.querySelectorAll('svg circle.mark, svg rect.bar')].map(m => { const r = m.getBoundingClientRect(); return [r.width, r.height]; })");
            Assert.All(markBoxes, b => Assert.True(b[0] > 0 && b[1] > 0, $"a mark is {b[0]} × {b[1]}"));

            var headers = await Json<string[][]>(page, "[...document.querySelectorAll('table')].map(t => [...t.querySelectorAll('thead th[scope=col]')].map(th => th.textContent))");
            Assert.Equal(
                [["Group", "2025-01", "2025-02", "2025-03"], ["KPI", "Group", "Value", "Peer mean"]],
                headers);

            // On a phone the page is no wider than the screen: the tables scroll inside their wrappers, the charts shrink.
            await page.SetViewportAsync(new ViewPortOptions { Width = 360, Height = 740, IsMobile = true, DeviceScaleFactor = 2 });
            var pageWidth = await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth");
            Assert.True(pageWidth <= 360, $"the page is {pageWidth} px wide on a 360 px screen");
            var svgWidth = await page.EvaluateExpressionAsync<double>("Math.max(...[...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().width))");
            Assert.True(svgWidth <= 360, $"a chart is {svgWidth} px wide on a 360 px screen");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What a run without Chromium says: the test fails rather than skips, and names the fix.</summary>
    internal const string MissingChromium =
        "chromium is not on the PATH: install it with `bash tools/install-chromium.sh` (Debian's chromium package; .ci/run does it).";

    [Fact]
    public void FindChromium_OnAPathWithoutIt_FindsNothing()
    {
        var empty = Directory.CreateTempSubdirectory("saleskpi-no-chromium-");
        try
        {
            Assert.Null(FindChromium(empty.FullName));
            Assert.Null(FindChromium(string.Empty));
            Assert.Contains("tools/install-chromium.sh", MissingChromium, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    /// <summary>Returns the first <c>chromium</c> in the directories of a PATH value, or null.</summary>
    internal static string? FindChromium(string? pathVariable) =>
        (pathVariable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "chromium"))
            .FirstOrDefault(File.Exists);

    /// <summary>Returns the path of Debian's Chromium, failing (not skipping) with what to run when it is missing.</summary>
    private static string ChromiumPath() =>
        FindChromium(Environment.GetEnvironmentVariable("PATH")) ?? throw new Xunit.Sdk.XunitException(MissingChromium);

    private static Task<IBrowser> Launch() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = ChromiumPath(),
        Headless = true,
        // Root in a container needs --no-sandbox; nothing is fetched, so the page's own offline behaviour is what is tested.
        Args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check"],
        Timeout = 120_000,
    });

    /// <summary>Decodes the PNG in the browser (an image drawn on a canvas) and counts its distinct colours.</summary>
    private static async Task<int> DistinctColours(IBrowser browser, byte[] png)
    {
        await using var page = await browser.NewPageAsync();
        return await page.EvaluateFunctionAsync<int>(
            """
            async (data) => {
              const image = new Image();
              image.src = 'data:image/png;base64,' + data;
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = image.naturalWidth;
              canvas.height = image.naturalHeight;
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
              const colours = new Set();
              for (let i = 0; i < pixels.length; i += 4) {
                colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
                if (colours.size >= 64) break;
              }
              return colours.size;
            }
            """,
            Convert.ToBase64String(png));
    }

    private static async Task<T> Json<T>(IPage page, string expression) =>
        JsonSerializer.Deserialize<T>(await page.EvaluateExpressionAsync<string>($"JSON.stringify({expression})"))!;
}
