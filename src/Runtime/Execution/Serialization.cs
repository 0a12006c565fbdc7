using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// Writes and reads values of some types for the disk cache. Media types provide one each; register
/// them with <see cref="FunctionRegistry.AddSerializer"/>. Values no serializer accepts are cached in
/// memory only.
/// </summary>
public interface IValueSerializer
{
    /// <summary>
    /// A stable identifier stored with each value it writes (such as <c>image/1</c>); change it when the
    /// format changes, so that old files are ignored instead of misread.
    /// </summary>
    string Id { get; }

    /// <summary>True when this serializer writes <paramref name="value"/>.</summary>
    bool CanWrite(object value);

    /// <summary>Writes <paramref name="value"/> to <paramref name="stream"/>.</summary>
    ValueTask WriteAsync(object value, Stream stream, CancellationToken cancellationToken);

    /// <summary>Reads a value written by <see cref="WriteAsync"/>; the caller owns the result.</summary>
    ValueTask<object> ReadAsync(Stream stream, CancellationToken cancellationToken);
}

/// <summary>
/// A value that can name its content: the same hash for the same content, a different one (with
/// overwhelming probability) otherwise. Flow inputs that implement it get content-addressed cache
/// keys without the caller supplying one.
/// </summary>
public interface IContentHash
{
    /// <summary>A hash of the value's content, such as the hex SHA-256 of its bytes and shape.</summary>
    string GetContentHash();
}
