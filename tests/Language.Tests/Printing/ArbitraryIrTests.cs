using CsCheck;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using Xunit;

namespace SymbolicGen.Language.Tests.Printing;

public class ArbitraryIrTests
{
    private static readonly Gen<string> Name = Gen.OneOf("a", "b", "x", "", "fg", "mask", "image", "audio", "film", "ImageBlend", "Segment", "Nope", "with space", "line\nbreak");

    private static readonly Gen<Value> Leaf = Gen.OneOf<Value>(
        Gen.Double.Select(d => (Value)new NumberValue(d)),
        Gen.Const<Value>(new NumberValue(double.NaN)),
        Gen.Double.Select(Name, (d, u) => (Value)new QuantityValue(d, u)),
        Gen.Select(Gen.String, Gen.Bool, (t, b) => (Value)new StringValue(t, b)),
        Gen.Bool.Select(b => (Value)new BoolValue(b)),
        Gen.Int.Select(Gen.Int, (w, h) => (Value)new SizeValue(w, h)),
        Name.Select(n => (Value)new ColorValue(n)),
        Name.Select(Name, (n, p) => (Value)new ReferenceValue(n, p == "" ? null : p)),
        Name.Select(n => (Value)new SymbolValue(n)),
        Name.Select(n => (Value)new ParameterRefValue(n)));

    private static readonly Gen<Value> Values = Gen.Frequency(
        (5, Leaf),
        (1, Leaf.Array[0, 3].Select(items => (Value)new ListValue(items.ToEquatableArray()))));

    private static readonly Gen<string[]> Comments = Gen.String.Array[0, 2];

    private static readonly Gen<Node> Nodes =
        from name in Name
        from function in Name
        from arguments in Gen.Select(Name, Values, (n, v) => new Argument(n, v)).Array[0, 3]
        from aliases in Name.Array[0, 3]
        from comments in Comments
        from trailing in Gen.String.Null(0.5)
        select new Node(name, function, arguments.ToEquatableArray(), aliases.ToEquatableArray(), comments.ToEquatableArray(), trailing);

    private static readonly Gen<LinkSource> Sources = Gen.OneOf<LinkSource>(
        Gen.Select(Name.Null(0.3), Name, (n, p) => (LinkSource)new PortSource(n, p)),
        Values.Select(v => (LinkSource)new ConstantSource(v)));

    private static readonly Gen<Flow> Flows =
        from name in Name
        from syntax in Gen.Enum<SyntaxStyle>()
        from inputs in Gen.Select(Name, Gen.Int[0, 4].Select(i => PortType.MediaTypes[i]), (n, m) => new FlowPort(n, m)).Array[0, 3]
        from parameters in Gen.Select(Name, Gen.Enum<ParamType>(), Values.Null(0.5), (n, t, v) => new FlowParameter(n, t, v)).Array[0, 3]
        from outputs in Gen.Select(Name, Gen.Int[0, 4].Select(i => PortType.MediaTypes[i]), (n, m) => new FlowPort(n, m)).Array[0, 3]
        from nodes in Nodes.Array[0, 5]
        from links in Gen.Select(Sources, Name.Null(0.3), Name, (s, n, p) => new Link(s, new PortTarget(n, p))).Array[0, 8]
        from comments in Comments
        from notes in Comments
        select new Flow(name, syntax, inputs.ToEquatableArray(), parameters.ToEquatableArray(), outputs.ToEquatableArray(),
            nodes.ToEquatableArray(), links.ToEquatableArray(), comments.ToEquatableArray(), notes.ToEquatableArray());

    // Printers take what the binder gives them, including the IR of files with errors: unknown
    // functions and ports, duplicate names, dangling links, values no parser produces.
    [Fact]
    public void Printing_never_throws_whatever_the_ir()
    {
        Gen.Select(Flows.Array[0, 3], Comments).Sample((flows, trailing) =>
        {
            var file = new SymFile(flows.ToEquatableArray(), trailing.ToEquatableArray());
            foreach (var style in new SyntaxStyle?[] { null, SyntaxStyle.Dataflow, SyntaxStyle.Declarative, SyntaxStyle.Natural })
                Assert.NotNull(SymPrinter.Print(file, TestCatalog.Extended, style));
        }, iter: 300);
    }
}
