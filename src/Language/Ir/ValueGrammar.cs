using System.Globalization;

namespace SymbolicGen.Language.Ir;

/// <summary>
/// The one grammar of colours and sizes, read by the tokenizer, the catalog readers, drafting, the generator and
/// the runtime's <c>Color</c> and <c>Size</c>, so that what the checker accepts the runtime reads the same way.
/// </summary>
public static class ValueGrammar
{
    /// <summary>What a colour looks like, for messages.</summary>
    public const string ColorExample = "#1e90ff";

    /// <summary>What a size looks like, for messages.</summary>
    public const string SizeExample = "1024x576";

    /// <summary>
    /// Reads <c>#rgb</c> (each digit doubled: <c>#abc</c> is <c>#aabbcc</c>), <c>#rrggbb</c> or <c>#rrggbbaa</c>,
    /// hex digits in either case; an opaque colour has alpha 255. False when <paramref name="text"/> is not a colour.
    /// </summary>
    public static bool TryParseColor(string? text, out byte red, out byte green, out byte blue, out byte alpha)
    {
        red = green = blue = 0;
        alpha = 255;
        if (text is null || text.Length == 0 || text[0] != '#') return false;
        var digits = text.Length - 1;
        if (digits is not (3 or 6 or 8)) return false;
        for (var i = 1; i < text.Length; i++)
            if (HexValue(text[i]) < 0) return false;
        if (digits == 3)
        {
            red = (byte)(HexValue(text[1]) * 17);
            green = (byte)(HexValue(text[2]) * 17);
            blue = (byte)(HexValue(text[3]) * 17);
            return true;
        }
        red = Byte(text, 1);
        green = Byte(text, 3);
        blue = Byte(text, 5);
        if (digits == 8) alpha = Byte(text, 7);
        return true;
    }

    /// <summary>True when <paramref name="text"/> is a colour (see <see cref="TryParseColor"/>).</summary>
    public static bool IsColor(string? text) => TryParseColor(text, out _, out _, out _, out _);

    /// <summary>The canonical spelling of a colour: lower-case <c>#rrggbb</c>, or <c>#rrggbbaa</c> when not opaque.</summary>
    public static string FormatColor(byte red, byte green, byte blue, byte alpha = 255) =>
        alpha == 255
            ? "#" + red.ToString("x2", CultureInfo.InvariantCulture) + green.ToString("x2", CultureInfo.InvariantCulture) + blue.ToString("x2", CultureInfo.InvariantCulture)
            : FormatColor(red, green, blue) + alpha.ToString("x2", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads <c>WIDTHxHEIGHT</c> (<c>1024x576</c>): decimal digits only, each side 0 to 2^31 − 1. False when
    /// <paramref name="text"/> is not such a size. A side of 0 is a size the language can write and a domain
    /// rejects (SYM0203), not a malformed token.
    /// </summary>
    public static bool TryParseSize(string? text, out int width, out int height)
    {
        width = height = 0;
        if (text is null) return false;
        var separator = text.IndexOf('x');
        if (separator < 0) return false;
        // NumberStyles.None: digits only, so signs, spaces and a second 'x' are rejected.
        return int.TryParse(text.Substring(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out width) &&
               int.TryParse(text.Substring(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height);
    }

    /// <summary>The canonical spelling of a size.</summary>
    public static string FormatSize(int width, int height) =>
        width.ToString(CultureInfo.InvariantCulture) + "x" + height.ToString(CultureInfo.InvariantCulture);

    private static byte Byte(string text, int at) => (byte)(HexValue(text[at]) * 16 + HexValue(text[at + 1]));

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
