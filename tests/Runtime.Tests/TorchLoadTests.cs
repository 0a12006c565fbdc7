using TorchSharp;
using Xunit;

namespace SymbolicGen.Runtime.Tests;

/// <summary>The GLIBCXX fix end to end: the build patched libLibTorchSharp.so in this output folder, so TorchSharp loads.</summary>
public sealed class TorchLoadTests
{
    [Fact]
    public void A_tensor_can_be_created_and_summed()
    {
        using var ones = torch.ones(3);
        using var sum = ones.sum();
        Assert.Equal(3f, sum.item<float>());
    }
}
