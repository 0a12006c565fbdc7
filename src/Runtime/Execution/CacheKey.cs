using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// A content address: the SHA-256 of what determines a value. A node's key hashes its function's
/// name and version, its canonical parameter values and the keys of its inputs; a node output's key
/// hashes the node's key and the port's name; a flow input's key hashes its content hash.
/// </summary>
public readonly struct CacheKey : IEquatable<CacheKey>
{
    private readonly ulong _a, _b, _c, _d;

    private CacheKey(ReadOnlySpan<byte> hash)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(hash);
        _b = BinaryPrimitives.ReadUInt64BigEndian(hash.Slice(8));
        _c = BinaryPrimitives.ReadUInt64BigEndian(hash.Slice(16));
        _d = BinaryPrimitives.ReadUInt64BigEndian(hash.Slice(24));
    }

    /// <summary>The key of a content hash (any string that changes whenever the content does).</summary>
    public static CacheKey FromContentHash(string contentHash)
    {
        if (contentHash is null) throw new ArgumentNullException(nameof(contentHash));
        var builder = new CacheKeyBuilder();
        builder.Add("content");
        builder.Add(contentHash);
        return builder.Finish();
    }

    internal static CacheKey FromHash(ReadOnlySpan<byte> hash) => new(hash);

    /// <summary>A key no other value has (for inputs whose content is not known).</summary>
    public static CacheKey Unique()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return new CacheKey(bytes);
    }

    /// <summary>The key as 64 lower-case hexadecimal digits.</summary>
    public override string ToString() =>
        _a.ToString("x16", CultureInfo.InvariantCulture) + _b.ToString("x16", CultureInfo.InvariantCulture) +
        _c.ToString("x16", CultureInfo.InvariantCulture) + _d.ToString("x16", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(CacheKey other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CacheKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)_a ^ (int)(_a >> 32);

    /// <summary>Equality.</summary>
    public static bool operator ==(CacheKey left, CacheKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(CacheKey left, CacheKey right) => !left.Equals(right);

    internal void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(16), _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(24), _d);
    }
}

/// <summary>Accumulates tagged, length-prefixed fields and hashes them into a <see cref="CacheKey"/>.</summary>
internal struct CacheKeyBuilder
{
    private byte[]? _buffer;
    private int _length;

    public void Add(string text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        var span = Reserve(5 + count);
        span[0] = (byte)'s';
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(1), count);
        Encoding.UTF8.GetBytes(text, span.Slice(5));
    }

    public void Add(CacheKey key)
    {
        var span = Reserve(33);
        span[0] = (byte)'k';
        key.WriteTo(span.Slice(1));
    }

    public void Add(long number)
    {
        var span = Reserve(9);
        span[0] = (byte)'l';
        BinaryPrimitives.WriteInt64LittleEndian(span.Slice(1), number);
    }

    public void Add(double number)
    {
        if (number == 0) number = 0; // -0.0 and 0.0 are the same parameter value
        var span = Reserve(9);
        span[0] = (byte)'d';
        BinaryPrimitives.WriteInt64LittleEndian(span.Slice(1), BitConverter.DoubleToInt64Bits(number));
    }

    /// <summary>Adds a canonical parameter value (see <see cref="NodeCall"/> for the types).</summary>
    public void AddCanonical(object? value)
    {
        switch (value)
        {
            case null: Reserve(1)[0] = (byte)'n'; break;
            case double d: Add(d); break;
            case int i: Add((long)i); break;
            case long l: Add(l); break;
            case ulong u:
                // An unsigned seed (ParameterDomain.IsUnsigned): a tag of its own keeps its keys apart from a long's.
                var span = Reserve(9);
                span[0] = (byte)'u';
                BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(1), u);
                break;
            case Text text:
                Reserve(1)[0] = (byte)'t';
                Add(text.Value);
                break;
            case bool b: Reserve(1)[0] = b ? (byte)'T' : (byte)'F'; break;
            case string s: Add(s); break;
            case Size size:
                Reserve(1)[0] = (byte)'z';
                Add((long)size.Width);
                Add((long)size.Height);
                break;
            case Color color:
                Reserve(1)[0] = (byte)'c';
                Add(((long)color.R << 24) | ((long)color.G << 16) | ((long)color.B << 8) | color.A);
                break;
            default: throw new ArgumentException($"'{value.GetType().Name}' is not a canonical parameter value", nameof(value));
        }
    }

    public CacheKey Finish()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_buffer.AsSpan(0, _length), hash);
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
        _length = 0;
        return CacheKey.FromHash(hash);
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer is null) _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, count));
        else if (_length + count > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
