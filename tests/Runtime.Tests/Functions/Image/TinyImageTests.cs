using SymbolicGen.Runtime.Functions;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>Every image function copes with images of one or a few pixels (no pyramid levels, kernels wider than the image).</summary>
public sealed class TinyImageTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(7, 1)]
    public void Every_function_handles_a_tiny_image(int width, int height)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Noise(width, height, seed: 16);
            using var other = TestImages.Noise(5, 4, seed: 17, channels: 4);
            using var mask = TestImages.MakeMask(width, height, (_, x) => x % 2);
            var results = new List<IDisposable>();
            foreach (var mode in Enum.GetValues<BlendMode>()) results.Add(ImageFunctions.ImageBlend(image, other, 0.4, mode));
            foreach (var method in Enum.GetValues<ResizeMethod>())
            {
                results.Add(ImageFunctions.Resize(image, new Size(9, 5), method: method));
                results.Add(ImageFunctions.Resize(other, new Size(1, 1), method: method));
            }
            results.Add(ImageFunctions.Upscale(image, 4));
            results.Add(ImageFunctions.Crop(image, new Size(1, 1)));
            results.Add(ImageFunctions.Pad(image, 5, 6, 7, 8, PadMode.Reflect));
            var (canvas, newArea) = ImageFunctions.Outpaint(image, new Size(20, 11));
            results.Add(canvas);
            results.Add(newArea);
            results.Add(ImageFunctions.Composite(other, image, mask, feather: 5));
            results.Add(ImageFunctions.ColorAdjust(image, 0.1, 1.5, 0.5, 2, 90));
            results.Add(ImageFunctions.ColorTransfer(image, other));
            results.Add(ImageFunctions.GaussianBlur(image, 30));
            results.Add(ImageFunctions.GaussianBlur(other, 3));
            results.Add(ImageFunctions.Sharpen(image, 2, 5));
            results.Add(ImageFunctions.Vignette(image));
            results.Add(ImageFunctions.Grayscale(image));
            results.Add(ImageFunctions.Invert(image));
            results.Add(ImageFunctions.EdgeMask(image, 0.5));
            results.Add(ImageFunctions.ThresholdMask(image, 0.5, 0.2));
            results.Add(ImageFunctions.TextOverlay(image, new Text("Hi"), size: 8, margin: 0));
            var broken = new List<int>();
            for (var k = 0; k < results.Count; k++)
            {
                var tensor = results[k] is Image i ? i.Tensor : ((Mask)results[k]).Tensor;
                using var scope = TorchSharp.torch.NewDisposeScope();
                if (!tensor.isfinite().all().item<bool>()) broken.Add(k);
            }
            foreach (var result in results) result.Dispose();
            Assert.True(broken.Count == 0, "results with NaN or infinity: " + string.Join(", ", broken));
        });
    }
}
