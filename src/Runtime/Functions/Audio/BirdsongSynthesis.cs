using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>Procedural birdsong: several singing "species", each with its own pitch range, note shapes and rhythm.</summary>
public static class BirdsongSynthesis
{
    /// <summary>Frequencies of the song's notes stay in this band (when the sample rate allows).</summary>
    internal const double BandLow = 2000, BandHigh = 8000;

    /// <summary>Peak level of the whole song.</summary>
    private const double Ceiling = 0.7;

    /// <summary>Amplitude of a note of level 1 from the nearest bird, before panning.</summary>
    private const double Loudness = 0.45;

    /// <summary>Samples rendered in one vectorised batch (bounds memory).</summary>
    private const long BatchSamples = 1 << 18;

    private enum Contour
    {
        Glide,  // a nearly steady whistle with a slight slide
        Down,   // a falling sweep
        Up,     // a rising sweep
        Arch,   // up and back down
        Trill,  // fast frequency modulation around a centre
    }

    /// <summary>What makes a species recognisable.</summary>
    private sealed record Species(
        string Name,
        double Low, double High,                 // note centres, Hz
        double NoteMin, double NoteMax,          // note lengths, s
        double GapMin, double GapMax,            // silence between notes, s
        int NotesMin, int NotesMax,              // notes per phrase
        Contour[] Contours,                      // note shapes it uses
        bool Repeats,                            // one note repeated (a trill) rather than varied notes
        double Sweep,                            // frequency ratio of a sweep
        double Scatter,                          // how far note pitches scatter (ratio)
        double Drift,                            // pitch change from the first note to the last (log ratio)
        double Accelerando,                      // gap multiplier from the first note to the last
        double VibratoRateMin, double VibratoRateMax, double VibratoDepth,
        double Harmonic,                         // level of the second harmonic
        double Attack, double Release,           // envelope ramps as fractions of a note
        double PhraseGap);                       // mean silence between phrases at density 0.5, s

    private static readonly Species[] Catalog =
    {
        // Clear, varied whistles with slow slides, like a thrush.
        new("whistler", 2200, 4500, 0.12, 0.32, 0.05, 0.14, 3, 6, new[] { Contour.Glide, Contour.Arch, Contour.Up, Contour.Down },
            false, 1.25, 1.3, 0, 1, 6, 9, 0.012, 0.12, 0.18, 0.3, 3.0),
        // A fast falling trill of short down-sweeps that speeds up, like a warbler.
        new("trill", 4000, 6800, 0.028, 0.045, 0.016, 0.03, 10, 22, new[] { Contour.Down },
            true, 1.5, 1.02, -0.18, 0.65, 0, 0, 0, 0.05, 0.12, 0.25, 2.4),
        // Bright chirps, up and down, in short bursts, like a sparrow.
        new("chirper", 3000, 6200, 0.055, 0.1, 0.04, 0.1, 3, 8, new[] { Contour.Arch, Contour.Up, Contour.Down },
            false, 1.6, 1.12, 0.05, 0.8, 0, 0, 0, 0.1, 0.15, 0.3, 2.0),
        // Long warbled notes with fast vibrato, like a canary.
        new("warbler", 2600, 5000, 0.15, 0.4, 0.03, 0.08, 2, 5, new[] { Contour.Trill },
            false, 1.1, 1.15, 0, 1, 22, 45, 0.1, 0.12, 0.1, 0.2, 3.4),
        // Two or three long clear notes stepping down, like a chickadee's "fee-bee".
        new("caller", 3000, 4300, 0.22, 0.4, 0.06, 0.12, 2, 3, new[] { Contour.Glide },
            true, 1.04, 1.0, -0.13, 1, 5, 7, 0.004, 0.05, 0.2, 0.3, 4.0),
        // Thin, high "tsip" calls, like a tit.
        new("tsipper", 6000, 7600, 0.02, 0.04, 0.06, 0.12, 2, 5, new[] { Contour.Up, Contour.Down },
            true, 1.3, 1.03, 0, 1, 0, 0, 0, 0, 0.2, 0.35, 1.6),
    };

    /// <summary>Early reflections that place the birds in a space: (delay s, gain, from the other channel).</summary>
    private static readonly (double Delay, double Gain, bool Cross)[] Reflections =
    {
        (0.029, 0.22, false), (0.047, 0.16, true), (0.071, 0.11, false), (0.113, 0.07, true),
    };

    /// <summary>Synthesises birdsong.</summary>
    /// <param name="duration">Length in seconds.</param>
    /// <param name="density">0: one bird singing now and then; 1: five birds singing often.</param>
    /// <param name="seed">Random seed: which species sing, where they sit, what they sing and when.</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="progress">Receives the fraction done.</param>
    /// <param name="cancellationToken">Stops the work between phrases.</param>
    /// <returns>Stereo audio, peaks at most -3 dBFS.</returns>
    [SymFunction(Summary = "Synthesise birdsong", Category = "audio")]
    public static Audio Birdsong(
        [SymParam(SymKind.Duration, Min = 0.1, Max = 600, Summary = "Length of the audio")] double duration = 4,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "How many birds sing at once")] double density = 0.5,
        [SymParam(SymKind.Seed, Summary = "Random seed")] long seed = 0,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "Samples per second")] int sampleRate = 44100,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(Birdsong);
        ParameterGuard.InDomain(name, "duration", duration);
        ParameterGuard.InDomain(name, "density", density);
        AudioDsp.SampleRate(name, sampleRate);
        cancellationToken.ThrowIfCancellationRequested();

        using var scope = NewDisposeScope();
        var count = AudioDsp.Samples(duration, sampleRate);
        var random = new SplitMix(seed, 0xB1DD);
        var birds = Flock(random, density, sampleRate);
        // Denser choruses have shorter silences between phrases.
        var gapScale = 3.0 + (0.35 - 3.0) * density;
        var notes = new List<ScheduledNote>();
        for (var b = 0; b < birds.Count; b++)
        {
            var bird = birds[b];
            var (left, right) = AudioDsp.Pan(bird.Pan);
            var time = b == 0 ? random.Uniform(0, 0.25) : random.Uniform(0, bird.Species.PhraseGap * gapScale);
            while (time < duration)
            {
                var phrase = Phrase(random, bird, sampleRate);
                var position = (long)Math.Round(time * sampleRate);
                foreach (var note in phrase.Notes)
                {
                    var length = Math.Max(1, (long)Math.Round(note.Length * sampleRate));
                    if (position < count)
                        notes.Add(new ScheduledNote(position, length, note with
                        {
                            Start = note.Start * phrase.PitchScale,
                            End = note.End * phrase.PitchScale,
                            Level = note.Level * bird.Level,
                        }, left, right));
                    position += length + (long)Math.Round(note.GapAfter * sampleRate);
                }
                time += (double)phrase.Samples / sampleRate + bird.Species.PhraseGap * bird.Tempo * gapScale * random.LogUniform(0.55, 1.6);
            }
        }

        // Notes that run past the end are rendered into a margin that is cut off afterwards.
        var stride = Math.Max(count, notes.Count == 0 ? 0 : notes.Max(n => n.Position + n.Length));
        var flat = torch.zeros(2 * stride, ScalarType.Float32);
        for (var first = 0; first < notes.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = first;
            var samples = 0L;
            while (last < notes.Count && (last == first || samples + notes[last].Length <= BatchSamples)) samples += notes[last++].Length;
            using (NewDisposeScope()) Render(notes, first, last - first, sampleRate, flat, stride);
            first = last;
            AudioDsp.Report(progress, 0.95 * (double)first / notes.Count);
        }
        var song = flat.view(2, stride).narrow(1, 0, count).contiguous();

        var dry = song.clone();
        foreach (var (delay, gain, cross) in Reflections)
        {
            var shift = (long)Math.Round(delay * sampleRate);
            if (shift >= count) continue;
            for (var c = 0; c < 2; c++)
                song[c].narrow(0, shift, count - shift).add_(dry[cross ? 1 - c : c].narrow(0, 0, count - shift), gain);
        }
        AudioDsp.LimitPeak(song, Ceiling);
        AudioDsp.Report(progress, 1);
        return Audio.FromTensor(song, sampleRate);
    }

    /// <summary>One singing bird: its species, voice and place.</summary>
    private sealed record Bird(Species Species, double Pitch, double Tempo, double Level, double Pan, List<Note[]> Repertoire);

    /// <summary>One note of a phrase template.</summary>
    private readonly record struct Note(
        double Length, double GapAfter, double Start, double End, double Arch,
        double VibratoRate, double VibratoDepth, double Harmonic, double Level, double Attack, double Release);

    /// <summary>A phrase ready to render: notes with their gaps, in samples.</summary>
    private sealed record PhraseSpec(Note[] Notes, long Samples, double PitchScale, double TempoScale);

    private static List<Bird> Flock(SplitMix random, double density, int sampleRate)
    {
        var count = 1 + (int)Math.Round(4 * density);
        var order = Enumerable.Range(0, Catalog.Length).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Int(0, i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var birds = new List<Bird>();
        for (var i = 0; i < count; i++)
        {
            var species = Catalog[order[i % order.Length]];
            var pitch = random.Uniform(0.93, 1.07);
            // Where the sample rate cannot carry the species' band, it sings octaves lower.
            while (species.High * species.Sweep * pitch * (1 + species.VibratoDepth) > 0.45 * sampleRate) pitch /= 2;
            var tempo = random.Uniform(0.85, 1.15);
            var level = i == 0 ? 1 : random.LogUniform(0.35, 0.9);
            var pan = random.Uniform(-0.75, 0.75);
            var repertoire = new List<Note[]>();
            var songs = random.Int(2, 3);
            for (var s = 0; s < songs; s++) repertoire.Add(Template(random, species, pitch, tempo, sampleRate));
            birds.Add(new Bird(species, pitch, tempo, level, pan, repertoire));
        }
        return birds;
    }

    /// <summary>A phrase the bird will sing again and again, with small variations.</summary>
    private static Note[] Template(SplitMix random, Species s, double pitch, double tempo, int sampleRate)
    {
        var count = random.Int(s.NotesMin, s.NotesMax);
        var notes = new Note[count];
        var centre = random.LogUniform(s.Low * 1.05, s.High / 1.05);
        var length = random.Uniform(s.NoteMin, s.NoteMax);
        var gap = random.Uniform(s.GapMin, s.GapMax);
        var contour = s.Contours[random.Int(0, s.Contours.Length - 1)];
        for (var i = 0; i < count; i++)
        {
            var along = count == 1 ? 0 : (double)i / (count - 1);
            if (!s.Repeats)
            {
                length = random.Uniform(s.NoteMin, s.NoteMax);
                gap = random.Uniform(s.GapMin, s.GapMax);
                contour = s.Contours[random.Int(0, s.Contours.Length - 1)];
            }
            var noteCentre = Math.Clamp(centre * Math.Exp(s.Drift * along) * random.LogUniform(1 / s.Scatter, s.Scatter), s.Low, s.High) * pitch;
            var sweep = 1 + random.Uniform(0.4, 1) * (s.Sweep - 1);
            var (start, end, arch) = contour switch
            {
                Contour.Down => (noteCentre * Math.Sqrt(sweep), noteCentre / Math.Sqrt(sweep), 0.0),
                Contour.Up => (noteCentre / Math.Sqrt(sweep), noteCentre * Math.Sqrt(sweep), 0.0),
                Contour.Arch => (noteCentre / Math.Sqrt(sweep), noteCentre / Math.Sqrt(sweep), Math.Log(sweep)),
                Contour.Glide => (noteCentre * Math.Pow(sweep, random.Uniform(-0.3, 0.3)), noteCentre * Math.Pow(sweep, random.Uniform(-0.3, 0.3)), 0.0),
                _ => (noteCentre, noteCentre, 0.0),
            };
            var vibratoRate = s.VibratoRateMax > 0 ? random.Uniform(s.VibratoRateMin, s.VibratoRateMax) : 0;
            var vibratoDepth = s.VibratoDepth * random.Uniform(0.7, 1.2);

            // Keep every note inside the birdsong band (where the rate allows) and clear of the Nyquist frequency.
            var lowest = Math.Min(start, end) * (1 - vibratoDepth);
            var highest = Math.Max(start, end) * Math.Exp(arch) * (1 + vibratoDepth);
            var top = Math.Min(BandHigh * 0.97, 0.45 * sampleRate);
            var shift = 1.0;
            if (lowest < BandLow * 1.03 && pitch >= 1 / 1.08) shift = BandLow * 1.03 / lowest;
            if (highest * shift > top) shift = top / highest;
            var harmonic = 2 * highest * shift < 0.45 * sampleRate ? s.Harmonic : 0;
            var gapAfter = i == count - 1 ? 0 : gap * Math.Pow(s.Accelerando, along) * tempo;
            notes[i] = new Note(length * tempo, gapAfter, start * shift, end * shift, arch, vibratoRate, vibratoDepth,
                harmonic, random.Uniform(0.75, 1), s.Attack, s.Release);
        }
        return notes;
    }

    private static PhraseSpec Phrase(SplitMix random, Bird bird, int sampleRate)
    {
        var template = bird.Repertoire[random.Int(0, bird.Repertoire.Count - 1)];
        // Repeated-note songs vary in length; every song varies a little in pitch and speed.
        var keep = template.Length;
        if (bird.Species.Repeats && keep > 3) keep = Math.Max(2, keep - random.Int(0, keep / 3));
        var pitch = random.LogUniform(1 / 1.025, 1.025);
        var tempo = random.Uniform(0.93, 1.07);
        var notes = new Note[keep];
        long samples = 0;
        for (var i = 0; i < keep; i++)
        {
            var n = template[i];
            var last = i == keep - 1;
            notes[i] = n with
            {
                Length = n.Length * tempo,
                GapAfter = last ? 0 : n.GapAfter * tempo,
                Level = n.Level * random.Uniform(0.85, 1),
            };
            samples += Math.Max(1, (long)Math.Round(notes[i].Length * sampleRate)) + (long)Math.Round(notes[i].GapAfter * sampleRate);
        }
        return new PhraseSpec(notes, samples, pitch, tempo);
    }

    /// <summary>A note placed in the song: where it starts, how long it is, and its gains in the two channels.</summary>
    private readonly record struct ScheduledNote(long Position, long Length, Note Note, double Left, double Right);

    /// <summary>
    /// Renders <paramref name="count"/> notes as one vectorised computation and adds them into the song
    /// (<paramref name="flat"/>: both channels, <paramref name="stride"/> samples apart). Every sample looks up
    /// its note's parameters (one gather of a [notes, parameters] table); the note's frequency contour
    /// (exponential slide, arch, vibrato) is integrated into a phase by a cumulative sum in double precision;
    /// a smooth attack/release envelope shapes each note; <c>index_add_</c> puts the samples in place.
    /// </summary>
    private static void Render(List<ScheduledNote> notes, int first, int count, int sampleRate, Tensor flat, long stride)
    {
        const int columns = 12;
        var lengths = new long[count];
        var positions = new long[count];
        var table = new float[count * columns];
        bool arch = false, vibrato = false, harmonic = false;
        for (var i = 0; i < count; i++)
        {
            var (position, length, n, left, right) = notes[first + i];
            lengths[i] = length;
            positions[i] = position;
            var row = table.AsSpan(i * columns, columns);
            row[0] = (float)Math.Log(n.Start);
            row[1] = (float)(Math.Log(n.End) - Math.Log(n.Start));
            row[2] = (float)n.Arch;
            row[3] = (float)(2 * Math.PI * n.VibratoRate / sampleRate);
            row[4] = (float)n.VibratoDepth;
            row[5] = (float)n.Harmonic;
            row[6] = (float)(1 / n.Attack);
            row[7] = (float)(1 / n.Release);
            row[8] = (float)(n.Level * Loudness * left);
            row[9] = (float)(n.Level * Loudness * right);
            row[10] = 1f / length;
            row[11] = 0;
            arch |= n.Arch != 0;
            vibrato |= n.VibratoDepth != 0 && n.VibratoRate != 0;
            harmonic |= n.Harmonic != 0;
        }

        var lengthT = torch.tensor(lengths, ScalarType.Int64);
        var note = torch.repeat_interleave(torch.arange(count, ScalarType.Int64), lengthT);
        var total = note.shape[0];
        var noteStart = lengthT.cumsum(0).sub_(lengthT);
        var local = torch.arange(total, ScalarType.Int64).sub_(noteStart.index_select(0, note));
        var p = torch.tensor(table, new long[] { count, columns }).index_select(0, note); // [samples, columns]
        Tensor Column(int c) => p.select(1, c);
        var localF = local.to_type(ScalarType.Float32);
        var u = localF.mul(Column(10));

        var logF = Column(1).mul(u).add_(Column(0));
        if (arch) logF.add_(Column(2).mul(u.mul(MathF.PI).sin_()));
        var frequency = logF.exp_();
        if (vibrato) frequency.mul_(Column(3).mul(localF).sin_().mul_(Column(4)).add_(1));
        var phase = frequency.mul_((float)(2 * Math.PI / sampleRate)).to_type(ScalarType.Float64).cumsum(0)
            .remainder_(2 * Math.PI).to_type(ScalarType.Float32);
        var tone = phase.sin();
        if (harmonic) tone.add_(phase.mul_(2).sin_().mul_(Column(5)));

        var rise = Smoothstep(u.mul(Column(6)));
        var fall = Smoothstep(u.neg().add_(1).mul_(Column(7)));
        var shaped = tone.mul_(rise).mul_(fall);
        var where = torch.tensor(positions, ScalarType.Int64).index_select(0, note).add_(local);
        flat.index_add_(0, where, shaped.mul(Column(8)), 1);
        flat.index_add_(0, where.add_(stride), shaped.mul_(Column(9)), 1);
    }

    /// <summary>3x² - 2x³ of x clamped to [0, 1]: a ramp with zero slope at both ends.</summary>
    private static Tensor Smoothstep(Tensor x)
    {
        var c = x.clamp(0, 1);
        return c.square().mul_(c.mul(-2).add_(3));
    }
}
