using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// Node results on disk, so that they survive the process: a later run (with a new executor, or after
/// a crash) reuses them. Each entry is <c>ab/abcd….entry</c> (a manifest naming the serializer of each
/// output) plus one file per output, <c>abcd….0</c>, <c>abcd….1</c>…; every file is written to a
/// temporary name and moved into place, and the manifest last, so a reader never sees a half-written
/// entry. The directory is not size-limited; delete it to reclaim the space.
/// </summary>
public sealed class DiskValueCache
{
    private const string Magic = "symgen-cache 1";
    private const string NullOutput = "-";
    private readonly IReadOnlyList<IValueSerializer> _serializers;

    /// <summary>A cache in <paramref name="directory"/> (created when first written) using <paramref name="serializers"/>.</summary>
    public DiskValueCache(string directory, IReadOnlyList<IValueSerializer> serializers)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("a cache directory is needed", nameof(directory));
        Directory = Path.GetFullPath(directory);
        _serializers = serializers ?? throw new ArgumentNullException(nameof(serializers));
    }

    /// <summary>The cache directory (full path).</summary>
    public string Directory { get; }

    /// <summary>
    /// True when a complete entry for <paramref name="key"/> exists and every serializer it names is
    /// known, so that <see cref="LoadAsync"/> is expected to succeed.
    /// </summary>
    public bool Contains(CacheKey key) => ReadManifest(key) is not null;

    /// <summary>
    /// Reads the entry for <paramref name="key"/>: one owned reference per output, or null when there
    /// is no usable entry. An entry that exists but cannot be read is deleted and reported as an
    /// <see cref="InvalidDataException"/>.
    /// </summary>
    public async ValueTask<SharedValue[]?> LoadAsync(CacheKey key, CancellationToken cancellationToken)
    {
        var manifest = ReadManifest(key);
        if (manifest is null) return null;
        var values = new SharedValue[manifest.Length];
        var read = 0;
        try
        {
            for (; read < manifest.Length; read++)
            {
                var serializer = manifest[read];
                if (serializer is null)
                {
                    values[read] = SharedValue.Borrow(null);
                    continue;
                }
                var stream = new FileStream(PayloadPath(key, read), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true);
                await using (stream.ConfigureAwait(false))
                    values[read] = SharedValue.Own(await serializer.ReadAsync(stream, cancellationToken).ConfigureAwait(false));
            }
            return values;
        }
        catch (Exception e)
        {
            for (var i = 0; i < read; i++) values[i].Release();
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested) throw;
            Remove(key);
            throw new InvalidDataException($"the cached entry {key} in '{Directory}' could not be read ({e.Message}); it was deleted", e);
        }
    }

    /// <summary>
    /// Writes a node's outputs. Returns false (writing nothing) when some output has no serializer;
    /// I/O errors propagate.
    /// </summary>
    public async ValueTask<bool> StoreAsync(CacheKey key, IReadOnlyList<SharedValue> values, CancellationToken cancellationToken)
    {
        var chosen = new IValueSerializer?[values.Count];
        for (var i = 0; i < chosen.Length; i++)
        {
            var value = values[i].Value;
            if (value is null) continue;
            chosen[i] = FindWriter(value);
            if (chosen[i] is null) return false;
        }

        var folder = Path.GetDirectoryName(ManifestPath(key))!;
        System.IO.Directory.CreateDirectory(folder);
        for (var i = 0; i < chosen.Length; i++)
        {
            if (chosen[i] is not { } serializer) continue;
            var value = values[i].Value!;
            await WriteAtomicallyAsync(PayloadPath(key, i), stream => serializer.WriteAsync(value, stream, cancellationToken)).ConfigureAwait(false);
        }

        var manifest = new StringBuilder().Append(Magic).Append('\n').Append(chosen.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var serializer in chosen) manifest.Append(serializer?.Id ?? NullOutput).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(manifest.ToString());
        await WriteAtomicallyAsync(ManifestPath(key), stream => stream.WriteAsync(bytes, cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes the entry for <paramref name="key"/>, if any.</summary>
    public void Remove(CacheKey key)
    {
        var manifest = ManifestPath(key);
        TryDelete(manifest);
        var prefix = Path.GetFileNameWithoutExtension(manifest) + ".";
        var folder = Path.GetDirectoryName(manifest)!;
        if (!System.IO.Directory.Exists(folder)) return;
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, prefix + "*"))
            TryDelete(file);
    }

    private IValueSerializer? FindWriter(object value)
    {
        foreach (var serializer in _serializers)
            if (serializer.CanWrite(value)) return serializer;
        return null;
    }

    // The serializers of a complete entry (null for a null output), or null when it is missing,
    // malformed or names a serializer this cache does not have.
    private IValueSerializer?[]? ReadManifest(CacheKey key)
    {
        string[] lines;
        try
        {
            var path = ManifestPath(key);
            if (!File.Exists(path)) return null;
            lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        if (lines.Length < 2 || lines[0] != Magic || !int.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || lines.Length < 2 + count)
            return null;
        var serializers = new IValueSerializer?[count];
        for (var i = 0; i < count; i++)
        {
            var id = lines[2 + i];
            if (id == NullOutput) continue;
            foreach (var serializer in _serializers)
                if (serializer.Id == id) serializers[i] = serializer;
            if (serializers[i] is null || !File.Exists(PayloadPath(key, i))) return null;
        }
        return serializers;
    }

    private string ManifestPath(CacheKey key)
    {
        var hex = key.ToString();
        return Path.Combine(Directory, hex.Substring(0, 2), hex + ".entry");
    }

    private string PayloadPath(CacheKey key, int output)
    {
        var hex = key.ToString();
        return Path.Combine(Directory, hex.Substring(0, 2), hex + "." + output.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task WriteAtomicallyAsync(string path, Func<Stream, ValueTask> write)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
