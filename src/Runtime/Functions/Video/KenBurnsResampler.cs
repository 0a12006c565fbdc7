using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading;
using System.Threading.Tasks;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// Renders Ken Burns frames straight into the output tensor's memory. A camera view is an axis-aligned
/// scale and offset, so bilinear resampling separates: each source row the view needs is resampled
/// horizontally once (in float), and each output row is a lerp of two such rows, quantised to 8-bit levels
/// as it is written. Groups of consecutive frames are spread over the cores; each worker is the first to
/// touch the pages of the frames it writes.
/// </summary>
internal static unsafe class KenBurnsResampler
{
    /// <summary>
    /// Whether the passes use AVX2 (permutes, FMA, saturating packs); tests switch it off to check the
    /// portable path, which computes the same bits (the same fused multiply-adds and rounding).
    /// </summary>
    internal static bool UseAvx2 = Avx2.IsSupported && Fma.IsSupported;

    private const int Lanes = 8;

    // A worker renders a group of consecutive frames one band of rows at a time, all frames of the group
    // per band: neighbouring frames look at almost the same source rows, which then stay in the cache
    // (about a tenth less CPU time than frame by frame at 1080p).
    private const int FramesPerGroup = 8, RowsPerBand = 16;

    /// <summary>
    /// Fills <paramref name="frames"/> (contiguous uint8 [T, C, H, W]) with views of
    /// <paramref name="source"/> (contiguous float32 [C, H, W], values 0 to 1): frame i samples the image at
    /// <c>X + Scale × u</c>, <c>Y + Scale × v</c> for output pixel centres (u, v) in normalised coordinates
    /// (−1 to 1, <c>align_corners = false</c>), edges clamped, and stores each value as a level: × 255,
    /// rounded to nearest (halves to even), saturated to 0..255, NaN to 0 (what <see cref="TensorMedia"/>'s
    /// quantisation does).
    /// </summary>
    public static void Render(Tensor source, Tensor frames, (double Scale, double X, double Y)[] path, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var (count, channels, height, width) = ((int)frames.shape[0], (int)frames.shape[1], (int)frames.shape[2], (int)frames.shape[3]);
        var frameLength = (long)channels * height * width;
        var input = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(source.bytes));
        nint output;
        using (var first = frames[0]) output = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(first.bytes));

        // Small clips still get one group per core.
        var group = Math.Clamp(count / Environment.ProcessorCount, 1, FramesPerGroup);
        var done = 0;
        var gate = new object();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, (count + group - 1) / group, options, () => NewViews(group, width, height), (g, _, views) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = g * group;
            var n = Math.Min(group, count - first);
            for (var f = 0; f < n; f++) views[f].Aim(path[first + f]);
            for (var top = 0; top < height; top += RowsPerBand)
            {
                for (var f = 0; f < n; f++)
                    RenderRows((float*)input, (byte*)output + (first + f) * frameLength, channels, height, width, views[f], top, Math.Min(height, top + RowsPerBand));
            }
            if (progress is not null)
            {
                // Under the lock so that reports arrive in increasing order.
                lock (gate) progress.Report((double)(done += n) / count);
            }
            return views;
        }, _ => { });
    }

    private static View[] NewViews(int count, int width, int height)
    {
        var views = new View[count];
        for (var i = 0; i < views.Length; i++) views[i] = new View(width, height);
        return views;
    }

    /// <summary>One frame's camera view as taps on both axes, with the two horizontally resampled rows it holds.</summary>
    private sealed class View(int width, int height)
    {
        public readonly int[] XIndex = new int[width];
        public readonly float[] XWeight = new float[width];
        public readonly int[] YIndex = new int[height];
        public readonly float[] YWeight = new float[height];
        public readonly int[] BlockStart = new int[(width + Lanes - 1) / Lanes];
        public readonly int[] BlockPermutation = new int[(width + Lanes - 1) / Lanes * Lanes];
        public readonly float[] Rows = new float[2 * width];

        /// <summary>The view is the whole image, unscaled: frames copy it exactly.</summary>
        public bool Still;

        /// <summary>The horizontal taps fit the AVX2 blocks.</summary>
        public bool Vector;

        public void Aim((double Scale, double X, double Y) view)
        {
            Still = view == (1, 0, 0);
            if (Still) return;
            Taps(width, view.Scale, view.X, XIndex, XWeight);
            Taps(height, view.Scale, view.Y, YIndex, YWeight);
            Vector = UseAvx2 && Blocks(width, XIndex, BlockStart, BlockPermutation);
        }
    }

    /// <summary>Output rows [<paramref name="top"/>, <paramref name="bottom"/>) of every channel of one frame.</summary>
    private static void RenderRows(float* source, byte* target, int channels, int height, int width, View view, int top, int bottom)
    {
        var plane = (long)height * width;
        if (view.Still)
        {
            for (var c = 0; c < channels; c++)
            for (var y = top; y < bottom; y++)
            {
                var row = source + c * plane + (long)y * width;
                Lerp(row, row, 0, target + c * plane + (long)y * width, width);
            }
            return;
        }
        Span<int> held = stackalloc int[2];
        fixed (int* xIndex = view.XIndex, blockStart = view.BlockStart, permutation = view.BlockPermutation)
        fixed (float* xWeight = view.XWeight, rows = view.Rows)
        {
            for (var c = 0; c < channels; c++)
            {
                var from = source + c * plane;
                var to = target + c * plane;
                // Two rows resampled horizontally, in slots by parity: output row y needs source rows r0 and
                // r0 + 1, which only move down, so each source row is resampled at most once per band.
                held[0] = held[1] = -1;
                for (var y = top; y < bottom; y++)
                {
                    var r0 = view.YIndex[y];
                    var r1 = Math.Min(r0 + 1, height - 1);
                    for (var r = r0; r <= r1; r++)
                    {
                        if (held[r & 1] == r) continue;
                        var row = rows + (r & 1) * width;
                        if (view.Vector) HorizontalAvx2(from + (long)r * width, row, width, blockStart, permutation, xWeight);
                        else Horizontal(from + (long)r * width, row, width, xIndex, xWeight);
                        held[r & 1] = r;
                    }
                    Lerp(rows + (r0 & 1) * width, rows + (r1 & 1) * width, view.YWeight[y], to + (long)y * width, width);
                }
            }
        }
    }

    /// <summary>
    /// Bilinear taps along one axis of <paramref name="size"/> pixels: output pixel j samples
    /// <c>(1 − w) × p[i] + w × p[i + 1]</c> with i = <paramref name="index"/>[j] and w = <paramref name="weight"/>[j],
    /// the position <c>centre + scale × u</c> (u = (2j + 1) / size − 1) clamped to the outermost pixel centres.
    /// </summary>
    internal static void Taps(int size, double scale, double centre, int[] index, float[] weight)
    {
        for (var j = 0; j < size; j++)
        {
            var u = (2.0 * j + 1) / size - 1;
            var x = Math.Clamp(((centre + scale * u + 1) * size - 1) / 2, 0, size - 1);
            var i = Math.Max(0, Math.Min((int)x, size - 2));
            index[j] = i;
            weight[j] = (float)(x - i);
        }
    }

    /// <summary>
    /// Cuts a row's taps into blocks of 8 outputs (the last block ends at the row's end) that each read
    /// 9 consecutive source pixels from <paramref name="start"/>: the left taps of the block are a
    /// permutation of the 8 pixels from there, the right taps of the 8 after. False when some block
    /// spans more (a view wider than the image) or the row is shorter than 9 pixels.
    /// </summary>
    private static bool Blocks(int width, int[] index, int[] start, int[] permutation)
    {
        if (width <= Lanes) return false;
        for (var b = 0; b < start.Length; b++)
        {
            var j = Math.Min(b * Lanes, width - Lanes);
            var first = Math.Min(index[j], width - Lanes - 1);
            if (index[j + Lanes - 1] - first >= Lanes) return false;
            start[b] = first;
            for (var k = 0; k < Lanes; k++) permutation[b * Lanes + k] = index[j + k] - first;
        }
        return true;
    }

    private static void Horizontal(float* source, float* row, int width, int* index, float* weight)
    {
        var step = width > 1 ? 1 : 0;
        for (var j = 0; j < width; j++)
        {
            var left = source[index[j]];
            row[j] = MathF.FusedMultiplyAdd(weight[j], source[index[j] + step] - left, left);
        }
    }

    private static void HorizontalAvx2(float* source, float* row, int width, int* start, int* permutation, float* weight)
    {
        var blocks = (width + Lanes - 1) / Lanes;
        for (var b = 0; b < blocks; b++)
        {
            var j = Math.Min(b * Lanes, width - Lanes);
            var p = Avx.LoadVector256(permutation + b * Lanes);
            var left = Avx2.PermuteVar8x32(Avx.LoadVector256(source + start[b]), p);
            var right = Avx2.PermuteVar8x32(Avx.LoadVector256(source + start[b] + 1), p);
            Avx.Store(row + j, Fma.MultiplyAdd(Avx.LoadVector256(weight + j), Avx.Subtract(right, left), left));
        }
    }

    /// <summary><paramref name="target"/> = the level of a + w × (b − a), element by element (see <see cref="Level"/>).</summary>
    private static void Lerp(float* a, float* b, float w, byte* target, int width)
    {
        const int block = 2 * Lanes;
        if (!UseAvx2 || width < block)
        {
            for (var j = 0; j < width; j++) target[j] = Level(MathF.FusedMultiplyAdd(w, b[j] - a[j], a[j]));
            return;
        }
        var weight = Vector256.Create(w);
        // 16 values per step, packed to bytes with saturation; the last step overlaps the one before.
        for (var j = 0; ; j = Math.Min(j + block, width - block))
        {
            var low = Levels(a + j, b + j, weight);
            var high = Levels(a + j + Lanes, b + j + Lanes, weight);
            var lowWords = Sse2.PackSignedSaturate(low.GetLower(), low.GetUpper());
            var highWords = Sse2.PackSignedSaturate(high.GetLower(), high.GetUpper());
            Sse2.Store(target + j, Sse2.PackUnsignedSaturate(lowWords, highWords));
            if (j == width - block) return;
        }
    }

    /// <summary>
    /// Eight lerps × 255, rounded to nearest (halves to even, the processor's default mode) as integers.
    /// Values above 255 are lowered to 255 first, and NaN becomes int.MinValue, so that saturating to bytes
    /// gives what <see cref="Level"/> gives.
    /// </summary>
    private static Vector256<int> Levels(float* a, float* b, Vector256<float> weight)
    {
        var va = Avx.LoadVector256(a);
        var value = Avx.Multiply(Fma.MultiplyAdd(weight, Avx.Subtract(Avx.LoadVector256(b), va), va), Vector256.Create(255f));
        // minps returns its second operand when either is NaN: the NaN survives to the conversion.
        return Avx.ConvertToVector256Int32(Avx.Min(Vector256.Create(255f), value));
    }

    /// <summary>A value 0..1 as a level: × 255, rounded to nearest (halves to even), saturated to 0..255; NaN to 0.</summary>
    private static byte Level(float value)
    {
        var scaled = value * 255f;
        return scaled >= 0 ? scaled < 255 ? (byte)MathF.Round(scaled) : (byte)255 : (byte)0;
    }
}
