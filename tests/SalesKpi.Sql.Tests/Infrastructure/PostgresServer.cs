using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace SalesKpi.Sql.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests, of their own: a cluster made by <c>initdb</c> in a fresh temporary folder,
/// started by <c>pg_ctl</c> on a free TCP port of 127.0.0.1 (its unix socket inside the folder), stopped and deleted
/// on <see cref="Dispose"/>. Shared by the test classes of the <c>postgres</c> collection (<c>PostgresCollectionDefinition</c>).
/// </summary>
/// <remarks>
/// <para>The binaries are Debian's (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>: version 15 when it is installed,
/// otherwise the highest).
/// When there are none and the tests run as root with apt-get, <c>tools/install-postgres.sh</c> installs them once;
/// otherwise the fixture fails, naming the fix. <c>initdb</c> refuses to run as root, so as root the server runs as the
/// <c>postgres</c> user the package created (<c>setpriv</c>), in a folder handed to it.</para>
/// <para>The server trusts every local connection (<c>-A trust</c>; the superuser is <c>postgres</c>), stores UTF-8 with
/// the C locale, runs its sessions in UTC and does not flush to disk (a test server loses nothing worth keeping).</para>
/// </remarks>
public sealed partial class PostgresServer : IDisposable
{
    private const string Superuser = "postgres";
    private const string DefaultDatabase = "saleskpi";

    // Debian 12's, which tools/install-postgres.sh installs; another version is used when it is the only one.
    private const int PreferredVersion = 15;
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private readonly string _data;
    private readonly string _log;
    private readonly Lock _create = new();
    private int _stopped;

    /// <summary>Finds or installs the binaries, makes a cluster and starts it; throws with the server log's tail when it cannot.</summary>
    public PostgresServer()
    {
        _bin = FindBinaries();
        _asPostgresUser = Environment.IsPrivilegedProcess;
        // As root, under /tmp: the postgres user must pass through every folder above, and TMPDIR may be in root's home.
        Folder = Path.Combine(_asPostgresUser ? "/tmp" : Path.GetTempPath(), "saleskpi-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        _data = Path.Combine(Folder, "data");
        _log = Path.Combine(Folder, "server.log");
        try
        {
            if (_asPostgresUser)
            {
                // initdb and the server run as postgres, which must own the folder (data, socket, log).
                Run("chown", ["postgres:postgres", Folder], asPostgres: false);
            }

            Run(Path.Combine(_bin, "initdb"), ["-D", _data, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: _asPostgresUser);
            Port = Start();
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            ConnectionString = Connection(DefaultDatabase);
            Execute(Connection("postgres"), $"CREATE DATABASE {DefaultDatabase}");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Gets the temporary folder that holds the cluster (<c>data</c>), its unix socket and its log (<c>server.log</c>).</summary>
    public string Folder { get; }

    /// <summary>Gets the TCP port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets the Npgsql connection string of the database <c>saleskpi</c>, created empty at startup.</summary>
    public string ConnectionString { get; } = string.Empty;

    /// <summary>Creates an empty database, so that a test class can have tables of its own.</summary>
    /// <param name="name">The database's name: lower-case letters, digits and <c>_</c>, starting with a letter, at most 63 characters.</param>
    /// <returns>The Npgsql connection string of the new database.</returns>
    /// <exception cref="ArgumentException">The name is not such an identifier.</exception>
    /// <exception cref="PostgresException">The database exists already.</exception>
    public string CreateDatabase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a database name of lower-case letters, digits and '_' starting with a letter (at most 63 characters).", nameof(name));
        }

        // One at a time: CREATE DATABASE copies template1, and refuses while another session is copying it.
        lock (_create)
        {
            Execute(Connection("postgres"), $"CREATE DATABASE {name}");
        }

        return Connection(name);
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>, then <c>immediate</c> if that fails) and deletes its folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        NpgsqlConnection.ClearAllPools();
        Stop();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the server still wrote as it went down; the folder is under the temporary directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Returns the tail of the server's log, for messages.</summary>
    /// <returns>Its last 40 lines, or a note that there is none.</returns>
    public string LogTail()
    {
        if (!File.Exists(_log))
        {
            return "(the server wrote no log)";
        }

        var lines = File.ReadAllLines(_log);
        return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - 40)));
    }

    private string Connection(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
        Timeout = 30,
        CommandTimeout = 300,
    }.ConnectionString;

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private int Start()
    {
        // The port is free when asked and taken by the server a moment later: another process may take it in between,
        // and then the server cannot bind it. A few tries with fresh ports make that race harmless.
        const int Tries = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            string[] options =
            [
                $"-c listen_addresses=127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)} -k {Folder}",
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c TimeZone=UTC -c max_connections=200",
            ];
            var (exitCode, output) = TryRun(
                Path.Combine(_bin, "pg_ctl"),
                ["start", "-w", "-t", "120", "-D", _data, "-l", _log, "-o", string.Join(' ', options)],
                _asPostgresUser);
            if (exitCode == 0)
            {
                return port;
            }

            // pg_ctl may give up while the server still comes up; make sure it is down before trying again.
            TryRun(Path.Combine(_bin, "pg_ctl"), ["stop", "-m", "immediate", "-w", "-D", _data], _asPostgresUser);
            if (attempt == Tries)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL test server did not start (pg_ctl exited with {exitCode}):{Environment.NewLine}{output}" +
                    $"{Environment.NewLine}The server log ({_log}) ends with:{Environment.NewLine}{LogTail()}");
            }
        }
    }

    private void Stop()
    {
        if (!File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            return;
        }

        var (exitCode, _) = TryRun(Path.Combine(_bin, "pg_ctl"), ["stop", "-m", "fast", "-w", "-t", "60", "-D", _data], _asPostgresUser);
        if (exitCode != 0)
        {
            TryRun(Path.Combine(_bin, "pg_ctl"), ["stop", "-m", "immediate", "-w", "-t", "60", "-D", _data], _asPostgresUser);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var (exitCode, output) = TryRun(program, arguments, asPostgres);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{program} {string.Join(' ', arguments)}' exited with {exitCode} while setting up the PostgreSQL test server:{Environment.NewLine}{output}");
        }
    }

    /// <summary>Runs a program to its end (as postgres when asked), and returns its exit code and what it wrote.</summary>
    private (int ExitCode, string Output) TryRun(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres ? "setpriv" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user cannot enter the test's directory (root's home, often); the folder is its own.
            WorkingDirectory = Folder,
        };
        if (asPostgres)
        {
            foreach (var argument in (string[])["--reuid=postgres", "--regid=postgres", "--init-groups", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["HOME"] = Folder;
        return RunToEnd(start);
    }

    private static (int ExitCode, string Output) RunToEnd(ProcessStartInfo start)
    {
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"cannot run {start.FileName}: {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(CommandLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Append(output, $"(killed after {CommandLimit.TotalMinutes} minutes)");
            return (-1, Text(output));
        }

        // The parameterless wait also waits for the end of the redirected output.
        process.WaitForExit();
        return (process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>Returns the bin folder of PostgreSQL 15 (or else the highest version installed), installing one first when it can.</summary>
    private static string FindBinaries()
    {
        if (Installed() is { } bin)
        {
            return bin;
        }

        const string Fix = "install Debian's PostgreSQL server (as root: bash tools/install-postgres.sh, or apt-get install postgresql)";
        if (!Environment.IsPrivilegedProcess || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"The SQL tests need a PostgreSQL server, and there is none in /usr/lib/postgresql/*/bin (initdb, pg_ctl): {Fix}.");
        }

        var script = Path.Combine(RepositoryRoot(), "tools", "install-postgres.sh");
        var (exitCode, output) = RunToEnd(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        });
        return exitCode == 0 && Installed() is { } installed
            ? installed
            : throw new InvalidOperationException(
                $"The SQL tests need a PostgreSQL server; {script} exited with {exitCode} and installed none:{Environment.NewLine}{output}{Environment.NewLine}Fix: {Fix}.");
    }

    private static string? Installed()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.GetDirectories(Root)
            .Select(folder => (Folder: folder, Version: int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1))
            .Where(v => v.Version >= 0 && File.Exists(Path.Combine(v.Folder, "bin", "initdb")) && File.Exists(Path.Combine(v.Folder, "bin", "pg_ctl")))
            .OrderByDescending(v => v.Version == PreferredVersion)
            .ThenByDescending(v => v.Version)
            .Select(v => Path.Combine(v.Folder, "bin"))
            .FirstOrDefault();
    }

    /// <summary>Returns the folder of SalesKpi.sln, above the test's output folder.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SalesKpi.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SalesKpi.sln above {AppContext.BaseDirectory}: cannot find tools/install-postgres.sh.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
