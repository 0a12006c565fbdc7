using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SymbolicGen.Runtime.IO;

/// <summary>
/// ffmpeg or ffprobe as a child process with piped streams: arguments passed as a list (never through a
/// shell), standard error kept as its last lines for error messages, killed with its children when
/// disposed or cancelled before it ends.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private const int KeptErrorLines = 8;
    private readonly Process _process;
    private readonly Queue<string> _errorLines = new();
    private readonly CancellationTokenRegistration _cancellation;
    private readonly Task? _drainOutput;

    private ToolProcess(Process process, bool readOutput, CancellationToken cancellationToken)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data)) return;
            lock (_errorLines)
            {
                _errorLines.Enqueue(e.Data.Trim());
                if (_errorLines.Count > KeptErrorLines) _errorLines.Dequeue();
            }
        };
        _process.BeginErrorReadLine();
        // Output nobody reads is drained, so that the tool never blocks on a full pipe.
        if (!readOutput) _drainOutput = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _cancellation = cancellationToken.Register(Kill);
    }

    /// <summary>Starts <paramref name="tool"/>.</summary>
    /// <exception cref="MediaToolNotFoundException">The tool cannot be started.</exception>
    public static ToolProcess Start(string tool, IEnumerable<string> arguments, bool writeInput, bool readOutput, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new MediaToolNotFoundException(tool);
        }
        catch (Win32Exception e)
        {
            throw new MediaToolNotFoundException(tool, e);
        }
        if (!writeInput) process.StandardInput.Close();
        return new ToolProcess(process, readOutput, cancellationToken);
    }

    /// <summary>The tool's standard input (when started with writeInput).</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The tool's standard output (when started with readOutput).</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>The last lines the tool wrote to standard error, joined with " / ", or its exit code when it wrote none.</summary>
    public string ErrorSummary
    {
        get
        {
            lock (_errorLines)
            {
                if (_errorLines.Count > 0) return string.Join(" / ", _errorLines);
            }
            return _process.HasExited ? $"exit code {_process.ExitCode}" : "no message";
        }
    }

    /// <summary>Closes standard input (end of data) and waits for the tool to end; returns its exit code.</summary>
    public async Task<int> FinishAsync(CancellationToken cancellationToken)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool has already stopped reading; its exit code and messages tell why.
        }
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (_drainOutput is not null) await _drainOutput.ConfigureAwait(false);
        // WaitForExitAsync also waits for the end of the redirected error stream, so ErrorSummary is complete.
        return _process.ExitCode;
    }

    /// <summary>Ends the tool and its children at once, if it is still running.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        catch (Win32Exception)
        {
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _cancellation.Dispose();
        Kill();
        try
        {
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
