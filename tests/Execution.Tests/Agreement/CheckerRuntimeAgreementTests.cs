using System.Runtime.CompilerServices;
using CsCheck;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Execution.Tests.Agreement;

/// <summary>
/// "A flow that checks clean runs", proven by difference: for every parameter of every built-in function, values on and
/// around its domain's edges, in every unit and spelling, are written into a flow; whatever the checker accepts, the
/// executor (what <c>symgen run</c> and generated pipelines run on) accepts with the same canonical value, and whatever
/// the checker rejects, the executor rejects with the checker's own message. Generated setters agree on the canonical form.
/// </summary>
/// <remarks>
/// The functions' bodies are replaced by recorders of the canonical parameters they receive: what is compared is the path
/// from written text to the values a function is called with, not the media work the built-ins do.
/// </remarks>
public sealed class CheckerRuntimeAgreementTests
{
    private static readonly FunctionRegistry BuiltIns = BuiltInRegistry();
    private static readonly FunctionCatalog Catalog = BuiltIns.ToCatalog();
    // What the recorder of the current run received: set before each run, it flows into the executor's tasks.
    private static readonly AsyncLocal<StrongBox<Call?>> Received = new();
    private static readonly FunctionRegistry Recorders = RecordingRegistry();

    public static TheoryData<string> Functions() => new(Catalog.Functions.Where(f => f.Parameters.Count > 0).Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Checker_and_runtime_agree_on_every_edge_value_of_every_parameter(string function)
    {
        var info = Catalog.Find(function)!;
        var cases = 0;
        foreach (var parameter in info.Parameters)
            foreach (var written in ValueCases.For(parameter))
            {
                await AssertAgreement(info, parameter, written);
                cases++;
            }
        Assert.True(cases >= info.Parameters.Count * 5, $"only {cases} cases for {function}");
    }

    [Fact]
    public void Random_numbers_near_every_numeric_range_agree_in_every_unit()
    {
        var numeric = Catalog.Functions.SelectMany(f => f.Parameters.Where(p => p.Domain.IsNumeric).Select(p => (Function: f, Parameter: p))).ToArray();
        var scale = Gen.OneOf(Gen.Double[-2, 2], Gen.Double[-100, 100], Gen.Double[-1e6, 1e6]);
        Gen.Select(Gen.Int[0, numeric.Length - 1], scale, Gen.Bool).Sample((index, offset, integral) =>
        {
            var (function, parameter) = numeric[index];
            var (min, max) = parameter.Domain.EffectiveRange;
            var anchor = (min ?? max ?? Numeric.Of(0)).Double;
            if (!double.IsFinite(anchor) || Math.Abs(anchor) > 1e12) anchor = 0;
            var value = anchor + offset;
            if (integral || parameter.Domain.IsInteger) value = Math.Round(value);
            foreach (var written in ValueCases.Spellings(parameter.Domain, value))
                AssertAgreement(function, parameter, written).GetAwaiter().GetResult();
        }, iter: 1500, threads: 1);
    }

    public static TheoryData<string, string> TextInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in Catalog.Functions)
            foreach (var input in function.Inputs.Where(i => i.Type == PortType.Text)) data.Add(function.Name, input.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(TextInputs))]
    public async Task A_string_literal_into_a_Text_input_checks_clean_and_arrives_as_that_Text(string function, string input)
    {
        var info = Catalog.Find(function)!;
        foreach (var (written, meant) in new[] { ("\"Hello there\"", "Hello there"), ("\"tab\\tquote\\\" \\u00e9\"", "tab\tquote\" \u00e9"), ("\"\"\"two\nlines\"\"\"", "two\nlines") })
        {
            var others = info.Inputs.Where(i => i.Name != input).ToList();
            var arguments = others.Select(i => $"{i.Name}: in_{i.Name}").Append($"{input}: {written}")
                .Concat(info.Parameters.Where(p => p.Required).Select(p => $"{p.Name}: {ValueCases.Accepted(p.Domain)}"));
            var text = $"flow D({string.Join(", ", others.Select(i => $"in_{i.Name}: {i.Type.Name}"))}) -> (out: {info.Outputs[0].Type.Name}) {{\n" +
                       $"    n = {function}({string.Join(", ", arguments)})\n    out = {(info.Outputs.Count == 1 ? "n" : "n." + info.Outputs[0].Name)}\n}}\n";
            var compilation = SymCompiler.Compile(text, Catalog);
            Assert.Empty(compilation.Diagnostics.Where(d => d.Severity == Severity.Error));

            var seen = Received.Value = new StrongBox<Call?>();
            var arguments2 = new FlowArguments();
            foreach (var other in others) arguments2.Input("in_" + other.Name, new object());
            using var executor = new FlowExecutor(Recorders);
            await using var result = await executor.RunAsync(FlowSet.FromCompilation(compilation, "d.sym"), "D", arguments2);
            var received = Assert.IsType<Call>(seen.Value).Inputs[info.Inputs.ToList().FindIndex(i => i.Name == input)];
            Assert.Equal(new SymbolicGen.Runtime.Text(meant), Assert.IsType<SymbolicGen.Runtime.Text>(received));
        }
    }

    [Fact]
    public void Generated_setters_accept_what_the_checker_accepts_and_reject_with_its_message()
    {
        var checkedValues = 0;
        foreach (var function in Catalog.Functions)
            foreach (var parameter in function.Parameters.Where(p => p.Domain.IsNumeric))
                foreach (var written in ValueCases.For(parameter))
                {
                    if (!Numeric.TryParse(written, out var number) || ValueCases.SetterValue(parameter.Domain, number) is not { } clr) continue;
                    var compilation = SymCompiler.Compile(FlowText(function, parameter, written), Catalog);
                    var problem = ValueErrors(compilation).FirstOrDefault();
                    var state = new PipelineState(new PipelineDefinition("d.sym", "D", FlowText(function, null, null), () => Recorders), new FlowExecutor(Recorders));
                    var setter = Record.Exception(() => state.SetNode("n", parameter.Name, clr));
                    if (problem is null)
                    {
                        Assert.True(setter is null, $"{function.Name}.{parameter.Name} = {written}: the checker accepts it, the setter throws {setter?.Message}");
                    }
                    else if (problem.Id == "SYM0203")
                    {
                        Assert.NotNull(setter);
                        Assert.StartsWith(problem.Message, setter!.Message);
                    }
                    checkedValues++;
                }
        Assert.True(checkedValues > 200, $"only {checkedValues} setter cases");
    }

    // Compiles the flow, runs it with recorders, and compares the verdicts and the values.
    private static async Task AssertAgreement(FunctionInfo function, ParameterInfo parameter, string written)
    {
        var text = FlowText(function, parameter, written);
        var compilation = SymCompiler.Compile(text, Catalog);
        var problems = compilation.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (problems.Any(p => p.Id is "SYM0001" or "SYM0002")) return; // not a value at all: nothing reaches the runtime
        // The executor gets the bound IR even when the checker rejects it: does it reject it too?
        var flows = new FlowSet(compilation.File.Flows, "d.sym", (_, node) => compilation.Lines.GetPosition(node.Span.Start).Line);
        var received = Received.Value = new StrongBox<Call?>();
        var arguments = new FlowArguments();
        foreach (var input in function.Inputs) arguments.Input("in_" + input.Name, new object());
        Exception? failure = null;
        try
        {
            using var executor = new FlowExecutor(Recorders);
            await using var result = await executor.RunAsync(flows, "D", arguments);
        }
        catch (Exception e)
        {
            failure = e;
        }

        var what = $"{function.Name}({parameter.Name}: {written})";
        if (problems.Count == 0)
        {
            Assert.True(failure is null, $"{what}: the checker accepts it, the runtime fails: {failure?.Message}");
            var node = compilation.File.Flows[0].Nodes.Single(n => n.Name == "n");
            var expected = FileScope.InitialValue(node, function, parameter);
            var value = Assert.IsType<Call>(received.Value).Parameters[function.Parameters.ToList().IndexOf(parameter)];
            var actual = CanonicalParameters.FromClr(value, parameter);
            if (expected is not null) Assert.True(Equals(expected, actual), $"{what}: the checker means {expected}, the runtime received {value} ({value.GetType().Name})");
            return;
        }
        Assert.True(failure is not null, $"{what}: the checker rejects it ({problems[0].Message}), the runtime runs it");
        var message = failure!.Message;
        Assert.True(problems.Any(p => message.EndsWith("cannot run: " + p.Message, StringComparison.Ordinal)),
            $"{what}: the runtime says \"{message}\", the checker \"{string.Join("\" / \"", problems.Select(p => p.Message))}\"");
    }

    // flow D(in_a: Image) -> (out: T) { n = F(a: in_a, p: v); out = n }: the parameter under test is the only value written.
    private static string FlowText(FunctionInfo function, ParameterInfo? parameter, string? written)
    {
        var inputs = string.Join(", ", function.Inputs.Select(i => $"in_{i.Name}: {i.Type.Name}"));
        var arguments = function.Inputs.Select(i => $"{i.Name}: in_{i.Name}").ToList();
        // Other required parameters get a value their domain accepts, so that only the one under test can be wrong.
        arguments.AddRange(function.Parameters.Where(p => p.Required && p != parameter).Select(p => $"{p.Name}: {ValueCases.Accepted(p.Domain)}"));
        if (parameter is not null) arguments.Add($"{parameter.Name}: {written}");
        var output = function.Outputs[0];
        var select = function.Outputs.Count == 1 ? "n" : "n." + output.Name;
        return $"flow D({inputs}) -> (out: {output.Type.Name}) {{\n" +
               $"    n = {function.Name}({string.Join(", ", arguments)})\n" +
               $"    out = {select}\n}}\n";
    }

    private static IEnumerable<Diagnostic> ValueErrors(SymCompilation compilation) =>
        compilation.Diagnostics.Where(d => d.Severity == Severity.Error);

    private static FunctionRegistry BuiltInRegistry()
    {
        var registry = new FunctionRegistry();
        BuiltInFunctions.Register(registry);
        return registry;
    }

    // The built-ins' catalog entries with bodies that record what they are called with (each flow here has one node).
    private static FunctionRegistry RecordingRegistry()
    {
        var registry = new FunctionRegistry();
        foreach (var function in BuiltIns.Functions)
            registry.Add(function.Info, call =>
            {
                Received.Value!.Value = new Call(
                    Enumerable.Range(0, call.Function.Parameters.Count).Select(call.ParameterAt).ToArray(),
                    Enumerable.Range(0, call.Function.Inputs.Count).Select(call.InputAt).ToArray());
                return ValueTask.FromResult(NodeOutputs.InOrder(call.Function.Outputs.Select(_ => (object?)new object()).ToArray()));
            });
        return registry;
    }

    /// <summary>The canonical parameters and the inputs a function was called with.</summary>
    private sealed record Call(object[] Parameters, object?[] Inputs);
}
