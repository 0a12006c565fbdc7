using SymbolicGen.Runtime.Functions;
using TorchSharp;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.Video.VideoTestMedia;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

public sealed class ImageToVideoTests
{
    /// <summary>
    /// An image whose red channel is the normalised x of each pixel centre, (x + ½) / W, and whose green
    /// channel is (y + ½) / H. Bilinear sampling reproduces a linear ramp exactly, so each output pixel's
    /// red and green say exactly where in the image the camera sampled it.
    /// </summary>
    private static Image Coordinates(int width, int height)
    {
        using var scope = NewDisposeScope();
        var x = torch.arange(width, dtype: ScalarType.Float32).add(0.5f).div(width).view(1, 1, width).expand(1, height, width);
        var y = torch.arange(height, dtype: ScalarType.Float32).add(0.5f).div(height).view(1, height, 1).expand(1, height, width);
        return Image.FromTensor(torch.cat(new[] { x, y, torch.full(1, height, width, 0.5f) }, 0));
    }

    /// <summary>
    /// For each frame of a video made from <see cref="Coordinates"/>: the window's size as a fraction of the
    /// image along x (slope of red across the middle row) and y, and its centre (red/green at the frame's centre).
    /// </summary>
    private static (double ScaleX, double ScaleY, double CentreX, double CentreY)[] Measure(Runtime.Video video)
    {
        using var scope = NewDisposeScope();
        var (w, h) = (video.Width, video.Height);
        var red = video.Tensor.select(1, 0);
        var green = video.Tensor.select(1, 1);
        // The ramps are linear: read them two pixels in from each edge (edge pixels of a view that touches the
        // image's edge sample just outside the outermost pixel centres, where the border is clamped).
        const int inset = 2;
        var redLeft = red.narrow(2, inset, 1).mean(new long[] { 1, 2 });
        var redRight = red.narrow(2, w - 1 - inset, 1).mean(new long[] { 1, 2 });
        var greenTop = green.narrow(1, inset, 1).mean(new long[] { 1, 2 });
        var greenBottom = green.narrow(1, h - 1 - inset, 1).mean(new long[] { 1, 2 });
        var scaleX = redRight.sub(redLeft).mul(w / (w - 1.0 - 2 * inset)).data<float>().ToArray();
        var scaleY = greenBottom.sub(greenTop).mul(h / (h - 1.0 - 2 * inset)).data<float>().ToArray();
        var centreX = redRight.add(redLeft).div(2).data<float>().ToArray();
        var centreY = greenBottom.add(greenTop).div(2).data<float>().ToArray();
        return Enumerable.Range(0, video.FrameCount).Select(i => ((double)scaleX[i], (double)scaleY[i], (double)centreX[i], (double)centreY[i])).ToArray();
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
            Assert.Equal(7, video.FrameCount);
            for (var i = 0; i < video.FrameCount; i++)
            {
                using var frame = video.Frame(i);
                Assert.Equal(0f, MaxDifference(frame.Tensor, image.Tensor));
            }
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
            Assert.InRange(MaxDifference(video.Tensor[0], image.Tensor), 0f, 1e-4f);
            // The outermost output pixels sample just outside the crop: the camera sees the real neighbouring
            // pixels there, where resizing the crop alone clamps to its edge. Compare inside that border.
            Assert.InRange(MaxDifference(Inner(video.Tensor[video.FrameCount - 1]), Inner(expected)), 0f, 1e-4f);
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
        return F.grid_sample(input, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false)[0].to_type(ScalarType.Float32);
    }

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
                    var difference = MaxDifference(video.Tensor[i], Reference(image, path[i]));
                    Assert.True(difference < 2e-6f, $"{motion}, frame {i}: off by {difference}");
                }
            });
        }
    }

    [Fact]
    public void The_portable_path_gives_the_frames_of_the_vector_path()
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
                Assert.True(MaxDifference(vector.Tensor, portable.Tensor) < 1e-6f);
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
            Assert.InRange(MaxDifference(video.Tensor, image.Tensor.unsqueeze(0).expand(5, 3, 1, 1)), 0f, 1e-6f);
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
            Assert.True(MaxDifference(zoomOut.Tensor, zoomIn.Tensor.flip(0)) < 1e-5f);
        });
    }

    [Fact]
    public void Zoom_in_magnifies_smoothly_along_the_easing_curve_without_drifting_off_centre()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            const double zoom = 0.3;
            using var image = Coordinates(64, 40);
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
                Assert.Equal(t * t * (3 - 2 * t), progress, 3);
                Assert.Equal(scaleX, scaleY, 4);
                Assert.Equal(0.5, centreX, 4);
                Assert.Equal(0.5, centreY, 4);
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
            using var image = Coordinates(50, 30);
            using var video = VideoFunctions.ImageToVideo(image, 1, 20, motion, zoom);
            var frames = Measure(video);
            var scale = 1 / (1 + zoom);
            var travel = (1 - scale) / 2; // the centre's travel either side of the middle, in image fractions
            for (var i = 0; i < frames.Length; i++)
            {
                var t = (double)i / (frames.Length - 1);
                var along = -1 + 2 * (t * t * (3 - 2 * t));
                Assert.Equal(scale, frames[i].ScaleX, 4);
                Assert.Equal(scale, frames[i].ScaleY, 4);
                Assert.Equal(0.5 + directionX * travel * along, frames[i].CentreX, 4);
                Assert.Equal(0.5 + directionY * travel * along, frames[i].CentreY, 4);
            }
            // The whole move, in output pixels, is zoom × the frame: 20% of 50 px across, 20% of 30 px down.
            var movedX = (frames[^1].CentreX - frames[0].CentreX) / scale * 50;
            var movedY = (frames[^1].CentreY - frames[0].CentreY) / scale * 30;
            Assert.Equal(directionX * zoom * 50, movedX, 2);
            Assert.Equal(directionY * zoom * 30, movedY, 2);
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
        Assert.StartsWith("ImageToVideo: " + parameter, e.Message);
    }

    /// <summary>Records reports on the calling thread (Progress&lt;T&gt; posts them later).</summary>
    private sealed class SyncProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
