using System.CommandLine;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>The <c>kpis</c> command: lists the ids <c>--kpi</c> accepts.</summary>
internal static class KpisCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("kpis", "Lists the built-in KPIs: id, unit and what each one measures (docs/kpis.md has the definitions).");
        command.SetAction(_ =>
        {
            var width = Kpis.All.Max(k => k.Id.Length);
            foreach (var kpi in Kpis.All)
            {
                console.Out.WriteLine($"{kpi.Id.PadRight(width)}  {Output.ValueText.UnitName(kpi.Unit),-13}  {kpi.Description}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
