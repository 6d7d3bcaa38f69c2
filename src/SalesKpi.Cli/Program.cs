using System.Text;
using SalesKpi.Cli;
using SalesKpi.Cli.Terminal;

Console.OutputEncoding = Encoding.UTF8;
using var interruption = new Interruption();
return CliApp.Run(args, CliConsole.System(interruption));
