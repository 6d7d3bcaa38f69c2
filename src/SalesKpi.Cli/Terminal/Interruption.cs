using System.Runtime.InteropServices;

namespace SalesKpi.Cli.Terminal;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation the run answers between rows, so that the terminal is restored
/// (the progress display shows the cursor again) and the tool exits with 128 + the signal number: 130 or 143. A second
/// signal while the first is being answered ends the process at once, as a shell user expects.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    public Interruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, On),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, On),
        ];
    }

    /// <summary>Gets the token cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Gets the exit code for the signal received: 130 for SIGINT, 143 for SIGTERM.</summary>
    public int ExitCode => _signal == 15 ? ExitCodes.Terminated : ExitCodes.Interrupted;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void On(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _signal, context.Signal == PosixSignal.SIGTERM ? 15 : 2, 0) != 0)
        {
            // The second signal: let the runtime end the process, with the cursor shown first.
            Console.Error.Write(Cursor.Show);
            return;
        }

        context.Cancel = true;
        _source.Cancel();
    }
}

/// <summary>Terminal control sequences the tool writes itself.</summary>
internal static class Cursor
{
    /// <summary>DECTCEM: shows the cursor, which a progress display hides while it runs.</summary>
    public const string Show = "\u001b[?25h";
}
