using System.Text.RegularExpressions;

namespace SymbolicGen.Generator.Tests;

/// <summary>Flows and functions the tests generate code for.</summary>
internal static class Samples
{
    /// <summary>Two flows over text, one calling the other, with a destructuring step.</summary>
    public const string Shout = """
        # Shout a text, several times.
        flow Shout(text: Text, times: Int = 2) -> (loud: Text) {
            up   = Case(text, casing: upper)
            # Copies joined by '!'
            loud = Repeat(up, times: times, separator: "!")  # the last step
        }

        # Shout twice and join both.
        flow Twice(text: Text) -> (both: Text, head: Text) {
            first = Shout(text, times: 1)
            both  = Join(first, first)
            (head, tail) = Split(both, at: 25%)
        }
        """;

    /// <summary>Flow parameters of several types (with and without default, in frames), in the declarative syntax.</summary>
    public const string Parameters = """
        # Every kind of parameter.
        flow Parameters
          input  text: Text
          param  seconds: Duration = 2s
          param  seed: Seed
          param  label: String = "a \"quoted\" <label> & more"
          param  clip: Duration = 48f
          output out: Text
          node describe = Describe { seconds: seconds, seed: seed, scale: 0.5, loud: true, size: 64x32, color: #1e90ff80 }
          node repeat = Repeat { times: 3, separator: label }
          link text -> describe.text
          link describe.text -> repeat.text
          link repeat.text -> out
        end
        """;

    /// <summary>The flagship functions of tests/Contracts/Flagship.cs as static methods (contract only: never run).</summary>
    public static string FlagshipFunctions { get; } = StaticContract(Language.Tests.Repository.ReadText("tests/Contracts/Flagship.cs"));

    private static string StaticContract(string contract)
    {
        var text = contract.Replace("public interface IFlagshipFunctions", "public static class FlagshipFunctions");
        text = Regex.Replace(text, @"\n    (Task<\w+> \w+\()", "\n    public static $1");
        return text.Replace("cancellationToken = default);", "cancellationToken = default) => throw new NotSupportedException(\"contract only\");");
    }
}
