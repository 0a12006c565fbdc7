using System;
using System.IO;

namespace SymbolicGen.Runtime.IO;

/// <summary>
/// A media file could not be read or written: it is not in a supported format, it is damaged or
/// truncated, or ffmpeg failed on it. The message starts with the file's path.
/// </summary>
public sealed class MediaFormatException : IOException
{
    /// <summary>Creates the exception; the message is <c>path: problem</c>.</summary>
    public MediaFormatException(string filePath, string problem, Exception? innerException = null)
        : base(filePath + ": " + problem, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file that could not be read or written.</summary>
    public string FilePath { get; }
}

/// <summary>
/// ffmpeg or ffprobe, which video input and output and audio input other than PCM WAV need, is not
/// installed (or not where <see cref="VideoFileOptions"/> says). The message is one line that says how to install it.
/// </summary>
public sealed class MediaToolNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="tool"/> (the name or path that could not be started).</summary>
    public MediaToolNotFoundException(string tool, Exception? innerException = null)
        : base(Describe(tool, innerException), innerException)
    {
        Tool = tool;
    }

    private static string Describe(string tool, Exception? cause)
    {
        // ENOENT (2) is "not found"; anything else (EACCES: not executable) is worth naming.
        var what = cause is System.ComponentModel.Win32Exception { NativeErrorCode: not 2 } e ? $"could not be started ({e.Message})" : "was not found";
        return $"'{tool}' {what}: video, and audio other than PCM WAV, need ffmpeg and ffprobe; install them with 'apt-get install ffmpeg' (Debian, Ubuntu), 'brew install ffmpeg' (macOS) or 'winget install ffmpeg' (Windows), or set VideoFileOptions.FFmpegPath/FFprobePath";
    }

    /// <summary>The name or path of the tool that could not be started.</summary>
    public string Tool { get; }
}
