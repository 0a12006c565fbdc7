using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// Flow-free motion-compensated frame interpolation: hierarchical, symmetric (bilateral) block matching on a
/// luma pyramid, then both neighbours warped halfway and averaged.
/// </summary>
/// <remarks>
/// <para>For the frame halfway between A and B, every block (8 × 8 pixels at each pyramid level) gets a
/// half-motion k: the block's content is at p − k in A and at p + k in B. It is found coarse to fine:</para>
/// <list type="number">
/// <item><description>Luma (Rec. 601) of both frames, area-downscaled so that the longer side is at most
/// <see cref="FinestSide"/> pixels, then halved until it is at most <see cref="CoarsestSide"/>.</description></item>
/// <item><description>At the coarsest level every half-shift in ±<see cref="CoarseRadius"/> pixels is tried
/// (the whole motion up to ±2·radius pixels of that level, a large fraction of the frame); at each finer level the
/// doubled field from the level above is refined by ±1 pixel. A candidate's cost is the block's mean
/// absolute difference between A warped by −(k + δ) and B warped by +(k + δ), plus a small penalty on the
/// motion's length so that flat areas keep zero motion. The difference is averaged over a 16 × 16 window
/// around each 8 × 8 block (overlapped block matching), which keeps a block that straddles a moving edge
/// from preferring a shift that puts both of its samples on the background.</description></item>
/// <item><description>At the finest level a parabola through the costs around the best shift gives a
/// sub-pixel correction.</description></item>
/// <item><description>The block field is bilinearly upsampled to every pixel; A is sampled at p − k and B at
/// p + k with bilinear grid_sample (edges clamped), and the two are averaged.</description></item>
/// </list>
/// <para>Limits, stated plainly: one motion per block, smoothed across block edges, so the outline of a
/// small object moving against a differently moving background is softened; occlusions are not detected
/// (uncovered areas are averaged from whatever the field points at); motions larger than the coarsest search
/// range fall back to blending. There is no optical flow and no model.</para>
/// </remarks>
internal static class MotionInterpolation
{
    /// <summary>Frame pairs interpolated per batch.</summary>
    public const int PairChunk = 2;

    /// <summary>Block side in pixels at every pyramid level.</summary>
    public const int BlockSize = 8;

    /// <summary>The finest level's longer side at most (pixels); larger frames are matched on a downscaled luma.</summary>
    public const int FinestSide = 512;

    /// <summary>The coarsest level's longer side at most (pixels).</summary>
    public const int CoarsestSide = 48;

    /// <summary>Half-shift search radius at the coarsest level, in that level's pixels.</summary>
    public const int CoarseRadius = 4;

    /// <summary>Cost penalty per pixel of half-motion (luma units), at each level's scale.</summary>
    public const float MotionPenalty = 0.002f;

    /// <summary>Side of the window over which a block's cost is averaged: the block plus 4 pixels around it (overlapped blocks).</summary>
    public const int MatchWindow = 16;

    /// <summary>The frames halfway between <paramref name="a"/>[i] and <paramref name="b"/>[i] (both [n, C, H, W]).</summary>
    public static Tensor Halfway(Tensor a, Tensor b)
    {
        var field = HalfMotion(VideoOps.Luma(a), VideoOps.Luma(b));
        return Warp(a, field.neg()).add_(Warp(b, field)).mul_(0.5f);
    }

    /// <summary>
    /// The half-motion field [n, 2, H, W] (x, y in pixels of the input) between lumas [n, 1, H, W]: the
    /// halfway frame's pixel p shows A at p − k and B at p + k.
    /// </summary>
    public static Tensor HalfMotion(Tensor lumaA, Tensor lumaB)
    {
        var height = lumaA.shape[2];
        var width = lumaA.shape[3];
        var pyramidA = Pyramid(lumaA);
        var pyramidB = Pyramid(lumaB);
        Tensor? blocks = null;
        for (var level = pyramidA.Count - 1; level >= 0; level--)
        {
            var (a, b) = (pyramidA[level], pyramidB[level]);
            var (blocksY, blocksX) = BlockGrid(a);
            if (blocks is null)
            {
                blocks = torch.zeros(a.shape[0], 2, blocksY, blocksX);
                blocks = Refine(a, b, blocks, CoarseRadius, subPixel: level == 0);
            }
            else
            {
                var scaleX = (double)a.shape[3] / pyramidA[level + 1].shape[3];
                var scaleY = (double)a.shape[2] / pyramidA[level + 1].shape[2];
                var up = F.interpolate(blocks, new long[] { blocksY, blocksX }, mode: InterpolationMode.Bilinear, align_corners: false);
                up = up.mul(torch.tensor(new[] { (float)scaleX, (float)scaleY }).view(1, 2, 1, 1));
                blocks = Refine(a, b, up, 1, subPixel: level == 0);
            }
        }
        var finest = pyramidA[0];
        var dense = Dense(blocks!, finest.shape[2], finest.shape[3]);
        if (finest.shape[2] == height && finest.shape[3] == width) return dense;
        var full = F.interpolate(dense, new long[] { height, width }, mode: InterpolationMode.Bilinear, align_corners: false);
        return full.mul(torch.tensor(new[] { (float)width / finest.shape[3], (float)height / finest.shape[2] }).view(1, 2, 1, 1));
    }

    /// <summary>Level 0 (area-downscaled to at most <see cref="FinestSide"/>) to the coarsest level.</summary>
    private static List<Tensor> Pyramid(Tensor luma)
    {
        var levels = new List<Tensor>();
        var longer = Math.Max(luma.shape[2], luma.shape[3]);
        var factor = (long)Math.Ceiling((double)longer / FinestSide);
        var level = factor > 1 ? F.avg_pool2d(luma, new long[] { factor, factor }, ceil_mode: true, count_include_pad: false) : luma;
        levels.Add(level);
        while (Math.Max(level.shape[2], level.shape[3]) > CoarsestSide && Math.Min(level.shape[2], level.shape[3]) >= 2 * BlockSize)
        {
            level = F.avg_pool2d(level, new long[] { 2, 2 }, ceil_mode: true, count_include_pad: false);
            levels.Add(level);
        }
        return levels;
    }

    private static (long Y, long X) BlockGrid(Tensor level) =>
        ((level.shape[2] + BlockSize - 1) / BlockSize, (level.shape[3] + BlockSize - 1) / BlockSize);

    /// <summary>A per-block field [n, 2, by, bx] spread to every pixel of an h × w level (bilinear; block centres keep their values).</summary>
    private static Tensor Dense(Tensor blocks, long height, long width)
    {
        var (by, bx) = (blocks.shape[2], blocks.shape[3]);
        var spread = F.interpolate(blocks, new long[] { by * BlockSize, bx * BlockSize }, mode: InterpolationMode.Bilinear, align_corners: false);
        return spread.narrow(2, 0, height).narrow(3, 0, width);
    }

    /// <summary>
    /// Improves per-block half-motions <paramref name="blocks"/> by the integer correction δ in ±
    /// <paramref name="radius"/> (both axes) that minimises the block's mean |A(p − k − δ) − B(p + k + δ)|
    /// plus a penalty on |k + δ|; with <paramref name="subPixel"/>, adds a parabolic sub-pixel correction.
    /// </summary>
    private static Tensor Refine(Tensor a, Tensor b, Tensor blocks, int radius, bool subPixel)
    {
        var (height, width) = (a.shape[2], a.shape[3]);
        var dense = Dense(blocks, height, width);
        var warpedA = Warp(a, dense.neg());
        var warpedB = Warp(b, dense);
        var side = 2 * radius + 1;
        var paddedA = F.pad(warpedA, new long[] { radius, radius, radius, radius }, PaddingModes.Replicate);
        var paddedB = F.pad(warpedB, new long[] { radius, radius, radius, radius }, PaddingModes.Replicate);
        var costs = new List<Tensor>(side * side);
        var shifts = new float[side * side * 2];
        for (var dy = -radius; dy <= radius; dy++)
        for (var dx = -radius; dx <= radius; dx++)
        {
            // A at p − δ, B at p + δ.
            var shiftedA = paddedA.narrow(2, radius - dy, height).narrow(3, radius - dx, width);
            var shiftedB = paddedB.narrow(2, radius + dy, height).narrow(3, radius + dx, width);
            var difference = shiftedA.sub(shiftedB).abs_();
            costs.Add(BlockMeans(difference));
            var index = costs.Count - 1;
            shifts[2 * index] = dx;
            shifts[2 * index + 1] = dy;
        }
        var candidates = torch.tensor(shifts).view(1, side * side, 2, 1, 1);                 // [1, D, 2, 1, 1]
        var total = blocks.unsqueeze(1).add(candidates);                                       // [n, D, 2, by, bx]
        var cost = torch.cat(costs, 1).add(total.abs().sum(2L).mul(MotionPenalty));            // [n, D, by, bx]
        var best = cost.argmin(1L, keepdim: true);                                             // [n, 1, by, bx]
        var chosen = total.gather(1, best.unsqueeze(2).expand(-1, -1, 2, -1, -1)).squeeze(1); // [n, 2, by, bx]
        if (!subPixel || radius < 1) return chosen;

        // Parabola through the costs at δ − 1, δ, δ + 1 along each axis (where all three were tried).
        var grid = cost.view(cost.shape[0], side, side, cost.shape[2], cost.shape[3]);         // [n, dy, dx, by, bx]
        var bestY = best.div(side, rounding_mode: RoundingMode.floor);
        var bestX = best.remainder(side);
        var correctionX = ParabolaOffset(grid, bestY, bestX, side, alongX: true);
        var correctionY = ParabolaOffset(grid, bestY, bestX, side, alongX: false);
        return chosen.add(torch.cat(new[] { correctionX, correctionY }, 1));
    }

    /// <summary>
    /// The mean of <paramref name="values"/> [n, 1, h, w] over each block's <see cref="MatchWindow"/>-wide window
    /// (the block and a margin around it, clipped at the frame's edges) as [n, 1, by, bx].
    /// </summary>
    private static Tensor BlockMeans(Tensor values)
    {
        const int margin = (MatchWindow - BlockSize) / 2;
        var (height, width) = (values.shape[2], values.shape[3]);
        var (blocksY, blocksX) = ((height + BlockSize - 1) / BlockSize, (width + BlockSize - 1) / BlockSize);
        // Zero padding not counted (count_include_pad: false) clips the windows at the edges.
        var pooled = F.avg_pool2d(values, new long[] { MatchWindow, MatchWindow }, new long[] { BlockSize, BlockSize },
            new long[] { margin, margin }, ceil_mode: true, count_include_pad: false);
        return pooled.narrow(2, 0, blocksY).narrow(3, 0, blocksX);
    }

    /// <summary>The sub-pixel offset (−½ to ½) of a parabola's minimum through three neighbouring costs; 0 at the search edge.</summary>
    private static Tensor ParabolaOffset(Tensor grid, Tensor bestY, Tensor bestX, int side, bool alongX)
    {
        var n = grid.shape[0];
        var flat = grid.reshape(n, side * side, grid.shape[3], grid.shape[4]);
        var centre = bestY.mul(side).add(bestX);
        var position = alongX ? bestX : bestY;
        var step = alongX ? 1 : side;
        var inside = position.gt(0).logical_and(position.lt(side - 1));
        var minus = flat.gather(1, centre.sub(step).clamp(0, side * side - 1));
        var plus = flat.gather(1, centre.add(step).clamp(0, side * side - 1));
        var middle = flat.gather(1, centre);
        var curvature = minus.add(plus).sub(middle.mul(2));
        var offset = minus.sub(plus).div(curvature.mul(2).clamp_min(1e-6f)).clamp(-0.5f, 0.5f);
        return torch.where(inside.logical_and(curvature.gt(1e-6f)), offset, torch.zeros_like(offset));
    }

    /// <summary>
    /// Frames [n, C, H, W] sampled at p + <paramref name="shift"/>(p) (shift [n, 2, H, W], x then y, in
    /// pixels), bilinear, edges clamped.
    /// </summary>
    public static Tensor Warp(Tensor frames, Tensor shift)
    {
        var (n, height, width) = (frames.shape[0], frames.shape[2], frames.shape[3]);
        var xs = torch.arange(width, dtype: ScalarType.Float32).mul(2).add(1).div(width).sub(1).view(1, 1, width, 1).expand(1, height, width, 1);
        var ys = torch.arange(height, dtype: ScalarType.Float32).mul(2).add(1).div(height).sub(1).view(1, height, 1, 1).expand(1, height, width, 1);
        var identity = torch.cat(new[] { xs, ys }, 3);                                           // [1, H, W, 2]
        var scale = torch.tensor(new[] { 2f / width, 2f / height });
        var grid = shift.permute(0, 2, 3, 1).mul(scale).add(identity);                           // [n, H, W, 2]
        return F.grid_sample(frames, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
    }
}
