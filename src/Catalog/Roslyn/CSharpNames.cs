using System.Text;

namespace SymbolicGen.Catalog.Roslyn;

/// <summary>How C# names become the names <c>.sym</c> files use.</summary>
internal static class CSharpNames
{
    /// <summary>C# name to the language's snake_case: <c>ZoomIn</c> → <c>zoom_in</c>, <c>HTTPServer</c> → <c>http_server</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var startsWord = char.IsLower(previous) || char.IsDigit(previous) ||
                                 (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (startsWord) builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
