using SymbolicGen.Runtime.Functions;
using TorchSharp;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.Video.VideoTestMedia;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

public sealed class ImageToVideoTests
{
    /// <summary>Full scale of the ramps of <see cref="Coordinates"/>: one level is left for the dither on top.</summary>
    private const double RampScale = 254.0 / 255;

    /// <summary>
    /// An RGBA image of linear ramps: blue is the normalised x of each pixel centre, (x + ½) / W × <see cref="RampScale"/>,
    /// alpha the normalised y; red and green are the same ramps plus a dither below one level that is constant
    /// along the ramp (red's varies from row to row, green's from column to column). Bilinear sampling
    /// reproduces a linear ramp exactly, so each output pixel says exactly where in the image the camera
    /// sampled it; the dither lets the average of many rows (or columns) resolve the slope to a fraction of a
    /// level of the 8-bit frames.
    /// </summary>
    private static Image Coordinates(int width, int height)
    {
        using var scope = NewDisposeScope();
        var x = torch.arange(width, dtype: ScalarType.Float32).add(0.5f).div(width).mul((float)RampScale).view(1, 1, width).expand(1, height, width);
        var y = torch.arange(height, dtype: ScalarType.Float32).add(0.5f).div(height).mul((float)RampScale).view(1, height, 1).expand(1, height, width);
        // Golden-ratio steps spread the dither evenly over [0, 1/255) whatever the number of rows averaged.
        var rowDither = torch.arange(height, dtype: ScalarType.Float64).mul(0.6180339887).frac().div(255).to(ScalarType.Float32).view(1, height, 1);
        var columnDither = torch.arange(width, dtype: ScalarType.Float64).mul(0.6180339887).frac().div(255).to(ScalarType.Float32).view(1, 1, width);
        return Image.FromTensor(torch.cat(new[] { x.add(rowDither), y.add(columnDither), x, y }, 0).contiguous());
    }

    /// <summary>
    /// For each frame of a video made from <see cref="Coordinates"/>: the window's size as a fraction of the
    /// image along x (the slope of red averaged over the rows, times the frame's width) and y, and its
    /// centre (blue and alpha at the frame's centre). Each ramp is fitted with a least-squares line through
    /// all its pixels, which averages out the steps of the 8-bit frames.
    /// </summary>
    private static (double ScaleX, double ScaleY, double CentreX, double CentreY)[] Measure(Runtime.Video video)
    {
        using var scope = NewDisposeScope();
        var values = Unit(video.Tensor).to(ScalarType.Float64).div(RampScale);
        var (scaleX, _) = FitRamp(values.select(1, 0).mean(new long[] { 1 }), video.Width); // red over the rows, [T, W]
        var (scaleY, _) = FitRamp(values.select(1, 1).mean(new long[] { 2 }), video.Height); // green over the columns, [T, H]
        var (_, centreX) = FitRamp(values.select(1, 2).mean(new long[] { 1 }), video.Width);
        var (_, centreY) = FitRamp(values.select(1, 3).mean(new long[] { 2 }), video.Height);
        return Enumerable.Range(0, video.FrameCount).Select(i => (scaleX[i], scaleY[i], centreX[i], centreY[i])).ToArray();
    }

    /// <summary>Per frame of <paramref name="profiles"/> [T, n]: the fitted line's slope × n and its value at the middle.</summary>
    private static (double[] Scale, double[] Centre) FitRamp(Tensor profiles, int n)
    {
        // Two pixels in from each edge: edge pixels of a view that touches the image's edge sample just outside
        // the outermost pixel centres, where the border is clamped. The offsets are symmetric about the middle.
        const int inset = 2;
        var offsets = torch.arange(inset, n - inset, dtype: ScalarType.Float64).add(0.5 - n / 2.0);
        var ramp = profiles.narrow(1, inset, n - 2 * inset);
        var slope = ramp.mul(offsets).sum(1L).div(offsets.square().sum());
        return (slope.mul(n).data<double>().ToArray(), ramp.mean(new long[] { 1 }).data<double>().ToArray());
    }

    [Theory]
    [InlineData(1.5, 10, 15)]
    [InlineData(0.5, 25, 13)] // 12.5 rounds away from zero
    [InlineData(4, 24, 96)]
    public void The_clip_has_round_duration_times_fps_frames_of_the_image_s_size(double duration, double fps, int frames)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = RandomImage(20, 12);
            using var video = VideoFunctions.ImageToVideo(image, duration, fps, CameraMotion.ZoomIn, 0.2);
            Assert.Equal((frames, 3, 12, 20, fps), (video.FrameCount, video.Channels, video.Height, video.Width, video.Fps));
            Assert.Null(video.Audio);
        });
    }

    [Theory]
    [InlineData(CameraMotion.Still, 0.3)]
    [InlineData(CameraMotion.ZoomIn, 0.0)]
    [InlineData(CameraMotion.PanLeft, 0.0)]
    public void A_still_camera_repeats_the_image_exactly(CameraMotion motion, double zoom)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = RandomImage(33, 17, channels: 4);
            using var video = VideoFunctions.ImageToVideo(image, 1, 7, motion, zoom);
            Assert.Equal((7, ScalarType.Byte), (video.FrameCount, video.Tensor.dtype));
            using var scope = NewDisposeScope();
            var levels = TensorMedia.Quantize(image.Tensor);
            for (var i = 0; i < video.FrameCount; i++) Assert.Equal(0f, MaxDifference(video.Tensor[i], levels));
        });
    }

    [Fact]
    public void Zoom_in_starts_on_the_whole_image_and_ends_on_the_centre_crop_magnified_by_one_plus_zoom()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // 80x60 at zoom 0.25: the last view is the central 64x48 (from x = 8, y = 6), scaled up by 1.25.
            using var image = RandomImage(80, 60);
            using var video = VideoFunctions.ImageToVideo(image, 1, 12, CameraMotion.ZoomIn, 0.25);
            using var scope = NewDisposeScope();
            var crop = image.Tensor.narrow(1, 6, 48).narrow(2, 8, 64).unsqueeze(0);
            var expected = F.interpolate(crop, new long[] { 60, 80 }, mode: InterpolationMode.Bilinear, align_corners: false)[0];
            Assert.Equal(0f, MaxDifference(video.Tensor[0], TensorMedia.Quantize(image.Tensor)));
            // The outermost output pixels sample just outside the crop: the camera sees the real neighbouring
            // pixels there, where resizing the crop alone clamps to its edge. Compare inside that border.
            AssertRounded(Inner(video.Tensor[video.FrameCount - 1]), Inner(expected).mul(255), slack: 0.03);
        });
    }

    private static Tensor Inner(Tensor image) => image.narrow(1, 1, image.shape[1] - 2).narrow(2, 1, image.shape[2] - 2);

    /// <summary>
    /// Frame i of the clip as torch's own bilinear resampler computes it in float64: grid_sample of the image
    /// at centre + scale × u for the normalised pixel centres u (align_corners false, edges clamped).
    /// </summary>
    private static Tensor Reference(Image image, (double Scale, double X, double Y) view)
    {
        var (h, w) = (image.Height, image.Width);
        var u = torch.arange(w, dtype: ScalarType.Float64).mul(2).add(1).div(w).sub(1).mul(view.Scale).add(view.X);
        var v = torch.arange(h, dtype: ScalarType.Float64).mul(2).add(1).div(h).sub(1).mul(view.Scale).add(view.Y);
        var grid = torch.stack(new[] { u.view(1, w).expand(h, w), v.view(h, 1).expand(h, w) }, 2).unsqueeze(0);
        var input = image.Tensor.to_type(ScalarType.Float64).unsqueeze(0);
        return F.grid_sample(input, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false)[0];
    }

    /// <remarks>
    /// Every level must be the reference × 255 rounded to nearest, give or take float32 rounding (2e-6 of
    /// full scale): so it is round(reference × 255), or one level off where the reference lies on a half.
    /// </remarks>
    [Theory]
    [InlineData(50, 30, 3)] // rows of 6 blocks of 8 and a tail block that overlaps the one before
    [InlineData(64, 40, 4)] // RGBA, whole blocks
    [InlineData(9, 7, 3)]   // the narrowest row the vector path takes
    [InlineData(8, 5, 4)]   // narrower: the portable path
    [InlineData(1, 6, 3)]   // one column: both horizontal taps on the same pixel
    public void Every_motion_s_frames_are_torch_s_bilinear_resample_of_the_camera_view(int width, int height, int channels)
    {
        using var image = RandomImage(width, height, channels);
        foreach (var motion in Enum.GetValues<CameraMotion>())
        {
            LiveTensors.AssertNoLeak(() =>
            {
                using var video = VideoFunctions.ImageToVideo(image, 1, 9, motion, 0.5);
                var path = VideoFunctions.CameraPath(9, motion, 0.5);
                for (var i = 0; i < video.FrameCount; i++)
                {
                    using var scope = NewDisposeScope();
                    AssertRounded(video.Tensor[i], Reference(image, path[i]).mul(255), slack: 255 * 2e-6, $"{motion}, frame {i}");
                }
            });
        }
    }

    [Fact]
    public void The_portable_path_gives_exactly_the_frames_of_the_vector_path()
    {
        using var image = RandomImage(83, 45, channels: 4);
        var old = KenBurnsResampler.UseAvx2;
        try
        {
            LiveTensors.AssertNoLeak(() =>
            {
                using var vector = VideoFunctions.ImageToVideo(image, 1, 6, CameraMotion.ZoomOut, 0.4);
                KenBurnsResampler.UseAvx2 = false;
                using var portable = VideoFunctions.ImageToVideo(image, 1, 6, CameraMotion.ZoomOut, 0.4);
                Assert.Equal(0f, MaxDifference(vector.Tensor, portable.Tensor));
            });
        }
        finally
        {
            KenBurnsResampler.UseAvx2 = old;
        }
    }

    [Fact]
    public void A_view_of_a_larger_tensor_is_animated_like_a_copy_of_it()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var whole = RandomImage(60, 40);
            Tensor window;
            using (NewDisposeScope()) window = whole.Tensor.narrow(2, 10, 30).narrow(1, 5, 20).MoveToOuterDisposeScope();
            using var view = Image.FromTensor(window);
            using var copy = Image.FromTensor(view.Tensor.contiguous());
            using var fromView = VideoFunctions.ImageToVideo(view, 1, 5, CameraMotion.PanRight, 0.3);
            using var fromCopy = VideoFunctions.ImageToVideo(copy, 1, 5, CameraMotion.PanRight, 0.3);
            Assert.Equal(0f, MaxDifference(fromView.Tensor, fromCopy.Tensor));
        });
    }

    [Fact]
    public void A_one_pixel_image_zooms_to_itself()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = RandomImage(1, 1);
            using var video = VideoFunctions.ImageToVideo(image, 1, 5, CameraMotion.ZoomIn, 0.5);
            using var scope = NewDisposeScope();
            Assert.Equal(0f, MaxDifference(video.Tensor, TensorMedia.Quantize(image.Tensor).unsqueeze(0).expand(5, 3, 1, 1)));
        });
    }

    [Fact]
    public void Zoom_out_is_zoom_in_played_backwards()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = RandomImage(48, 32);
            using var zoomIn = VideoFunctions.ImageToVideo(image, 1, 9, CameraMotion.ZoomIn, 0.3);
            using var zoomOut = VideoFunctions.ImageToVideo(image, 1, 9, CameraMotion.ZoomOut, 0.3);
            using var scope = NewDisposeScope();
            // The same views in reverse order; float32 rounding of the two paths' views may tip a half either way.
            Assert.InRange(MaxDifference(zoomOut.Tensor, zoomIn.Tensor.flip(0)), 0f, 1f);
            Assert.InRange(Mean(zoomOut.Tensor.to(ScalarType.Int16).sub(zoomIn.Tensor.flip(0).to(ScalarType.Int16)).abs()), 0f, 0.01f);
        });
    }

    [Fact]
    public void Zoom_in_magnifies_smoothly_along_the_easing_curve_without_drifting_off_centre()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            const double zoom = 0.3;
            using var image = Coordinates(640, 400);
            using var video = VideoFunctions.ImageToVideo(image, 2, 15, CameraMotion.ZoomIn, zoom);
            var frames = Measure(video);
            var n = frames.Length;
            Assert.Equal(30, n);
            var previous = 0.0;
            for (var i = 0; i < n; i++)
            {
                var (scaleX, scaleY, centreX, centreY) = frames[i];
                // Magnification 1 / scale grows geometrically along smoothstep: log m / log(1 + zoom) = ease(t).
                var progress = Math.Log(1 / scaleX) / Math.Log(1 + zoom);
                var t = (double)i / (n - 1);
                Assert.Equal(t * t * (3 - 2 * t), progress, 5e-4);
                Assert.Equal(scaleX, scaleY, 1e-4);
                Assert.Equal(0.5, centreX, 5e-5);
                Assert.Equal(0.5, centreY, 5e-5);
                Assert.True(progress >= previous - 1e-4, $"frame {i} zooms back out");
                previous = progress;
            }
            // No jumps: frame-to-frame steps change gradually (smoothstep's steps differ by at most 6/(n-1)^2 of the range).
            var steps = Enumerable.Range(1, n - 1).Select(i => Math.Log(frames[i - 1].ScaleX / frames[i].ScaleX) / Math.Log(1 + zoom)).ToArray();
            for (var i = 1; i < steps.Length; i++)
                Assert.True(Math.Abs(steps[i] - steps[i - 1]) <= 6.0 / ((n - 1) * (n - 1)) + 1e-3, $"step {i} jumps");
            Assert.True(steps[0] < steps[(n - 1) / 2] && steps[^1] < steps[(n - 1) / 2], "the move eases in and out");
        });
    }

    [Theory]
    [InlineData(CameraMotion.PanRight, 1, 0)]
    [InlineData(CameraMotion.PanLeft, -1, 0)]
    [InlineData(CameraMotion.PanDown, 0, 1)]
    [InlineData(CameraMotion.PanUp, 0, -1)]
    public void Pans_travel_zoom_of_the_frame_at_constant_magnification_sub_pixel_smoothly(CameraMotion motion, int directionX, int directionY)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            const double zoom = 0.2;
            const int width = 500, height = 300;
            using var image = Coordinates(width, height);
            using var video = VideoFunctions.ImageToVideo(image, 1, 20, motion, zoom);
            var frames = Measure(video);
            var scale = 1 / (1 + zoom);
            var travel = (1 - scale) / 2; // the centre's travel either side of the middle, in image fractions
            for (var i = 0; i < frames.Length; i++)
            {
                var t = (double)i / (frames.Length - 1);
                var along = -1 + 2 * (t * t * (3 - 2 * t));
                Assert.Equal(scale, frames[i].ScaleX, 1e-4);
                Assert.Equal(scale, frames[i].ScaleY, 1e-4);
                Assert.Equal(0.5 + directionX * travel * along, frames[i].CentreX, 5e-5);
                Assert.Equal(0.5 + directionY * travel * along, frames[i].CentreY, 5e-5);
            }
            // The whole move, in output pixels, is zoom × the frame: 20% of 500 px across, 20% of 300 px down.
            var movedX = (frames[^1].CentreX - frames[0].CentreX) / scale * width;
            var movedY = (frames[^1].CentreY - frames[0].CentreY) / scale * height;
            Assert.Equal(directionX * zoom * width, movedX, 0.01);
            Assert.Equal(directionY * zoom * height, movedY, 0.01);
        });
    }

    [Fact]
    public void The_camera_path_eases_in_and_out_and_pans_keep_the_view_inside_the_image()
    {
        foreach (var motion in Enum.GetValues<CameraMotion>())
        {
            var path = VideoFunctions.CameraPath(25, motion, 0.5);
            Assert.All(path, p =>
            {
                Assert.InRange(p.Scale, 1 / 1.5 - 1e-12, 1);
                Assert.InRange(Math.Abs(p.X) + p.Scale, 0, 1 + 1e-12);
                Assert.InRange(Math.Abs(p.Y) + p.Scale, 0, 1 + 1e-12);
            });
        }
        Assert.Equal(0, VideoFunctions.Ease(0));
        Assert.Equal(0.5, VideoFunctions.Ease(0.5));
        Assert.Equal(1, VideoFunctions.Ease(1));
    }

    [Fact]
    public void Progress_reaches_one_and_a_cancelled_run_leaves_no_tensor_behind()
    {
        using var image = RandomImage(40, 30);
        var reports = new List<double>();
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = VideoFunctions.ImageToVideo(image, 2, 10, CameraMotion.PanDown, 0.1, new SyncProgress(reports));
        });
        Assert.Equal(1.0, reports[^1]);
        Assert.Equal(reports.Order(), reports);

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        LiveTensors.AssertNoLeak(() =>
            Assert.Throws<OperationCanceledException>(() => VideoFunctions.ImageToVideo(image, 2, 10, cancellationToken: cancel.Token)));
    }

    [Theory]
    [InlineData(0.2, 24, 0.15, "duration")]
    [InlineData(4, 0, 0.15, "fps")]
    [InlineData(4, 24, 0.7, "zoom")]
    [InlineData(double.NaN, 24, 0.15, "duration")]
    public void Out_of_range_parameters_are_refused_with_the_function_s_name(double duration, double fps, double zoom, string parameter)
    {
        using var image = RandomImage(8, 8);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => VideoFunctions.ImageToVideo(image, duration, fps, CameraMotion.ZoomIn, zoom));
        Assert.Equal(parameter, e.ParamName);
        // The checker's SYM0203 wording, read from the [SymParam] range (the guard writes no range of its own).
        Assert.StartsWith($"'{parameter}' is ", e.Message);
        Assert.Contains("; ImageToVideo accepts ", e.Message);
    }

    /// <summary>Records reports on the calling thread (Progress&lt;T&gt; posts them later).</summary>
    private sealed class SyncProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
