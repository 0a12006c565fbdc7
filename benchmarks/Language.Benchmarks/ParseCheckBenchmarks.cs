using BenchmarkDotNet.Attributes;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Tests;

namespace SymbolicGen.Benchmarks;

/// <summary>
/// Parse + check cost of one flow as it grows. The tokenizer alone is the baseline, so the ratios
/// show what parsing and checking add on top of reading the characters; three sizes show whether
/// the cost stays linear.
/// </summary>
[MemoryDiagnoser]
public class ParseCheckBenchmarks
{
    private string _text = "";
    private readonly FunctionCatalog _catalog = TestCatalog.Flagship;

    [Params(250, 1000, 4000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Sources.Flow(Nodes);
        Sources.EnsureClean(_text, _catalog);
    }

    [Benchmark(Baseline = true)]
    public int Tokenize() => Tokenizer.Instance.Tokenize(_text).Count();

    [Benchmark]
    public int Parse() => SymParser.Parse(_text).Syntax.Flows.Count;

    [Benchmark]
    public int ParseAndCheck() => SymCompiler.Compile(_text, _catalog).Diagnostics.Count;
}

/// <summary>Throughput on a 10,000-line file of many small flows, against the tokenizer alone.</summary>
[MemoryDiagnoser]
public class LargeFileBenchmarks
{
    private string _text = "";
    private readonly FunctionCatalog _catalog = TestCatalog.Flagship;

    [GlobalSetup]
    public void Setup()
    {
        _text = Sources.File(10_000);
        Sources.EnsureClean(_text, _catalog);
    }

    [Benchmark(Baseline = true)]
    public int Tokenize() => Tokenizer.Instance.Tokenize(_text).Count();

    [Benchmark]
    public int Parse() => SymParser.Parse(_text).Syntax.Flows.Count;

    [Benchmark]
    public int ParseAndCheck() => SymCompiler.Compile(_text, _catalog).Diagnostics.Count;
}
