using System.CommandLine;
using SymbolicGen.Cli.Commands;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Cli;

/// <summary>The <c>symgen</c> command line. Exit codes: 0 success, 1 the input has errors, 2 usage or I/O problem.</summary>
public static class SymgenApp
{
    /// <summary>Exit code for success (warnings allowed).</summary>
    public const int Success = 0;
    /// <summary>Exit code when a checked file has errors.</summary>
    public const int HasErrors = 1;
    /// <summary>Exit code for bad usage or an unreadable/unwritable file.</summary>
    public const int UsageOrIoError = 2;

    /// <summary>Runs the command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, FunctionRegistries.BuiltIns);

    /// <summary>Runs the command line with the functions <paramref name="registry"/> makes available to <c>symgen run</c>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<FunctionRegistry> registry)
    {
        var root = new RootCommand("symgen: check, format and run .sym generative workflows")
        {
            CheckCommand.Create(output, error),
            FmtCommand.Create(output, error),
            GraphCommand.Create(output, error),
            RunCommand.Create(output, error, registry),
            FunctionsCommand.Create(output, error),
            DraftCommand.Create(output, error),
        };
        var parse = root.Parse(args);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            error.WriteLine($"symgen: error: {e.Message}");
            return UsageOrIoError;
        }
    }
}

/// <summary>A problem with the command line or the file system, reported as one line.</summary>
public sealed class CliException(string message) : Exception(message);
