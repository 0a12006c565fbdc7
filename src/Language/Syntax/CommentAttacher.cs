using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Syntax;

/// <summary>A comment as the tokenizer found it; <see cref="OwnLine"/> when nothing precedes it on its line.</summary>
internal sealed record CommentToken(string Text, int Start, bool OwnLine);

/// <summary>
/// Gives each comment its place, so that it survives printing in any syntax: comment lines above a
/// <c>using</c> line are its comments and one ending it its trailing comment; the comments before a
/// flow's header (after the previous flow) are the flow's comments; inside a flow, the comment lines
/// directly above a step (no blank line between) are the step's, a comment ending a step's last line is
/// its trailing comment, and any other comment is a note of the flow; comments after the last flow are
/// the file's trailing comments.
/// </summary>
internal static class CommentAttacher
{
    public static FileSyntax Attach(IReadOnlyList<UsingSyntax> usings, IReadOnlyList<FlowSyntax> flows, IReadOnlyList<CommentToken> comments, LineMap lines)
    {
        if (comments.Count == 0) return new FileSyntax(flows.ToEquatableArray(), default, usings.ToEquatableArray());

        int Line(int offset) => lines.GetPosition(offset).Line;
        var ownLines = new HashSet<int>(comments.Where(c => c.OwnLine).Select(c => Line(c.Start)));
        var places = flows.Select(f => new FlowComments(f, Line)).ToArray();
        var trailing = new List<string>();
        var usingPlaces = new UsingComments(usings, Line);

        var next = 0;
        foreach (var comment in comments)
        {
            if (usingPlaces.TryAttach(comment, Line(comment.Start))) continue;

            // A comment ending the last line of a flow (after a natural flow's final '.') is still the flow's.
            while (next < places.Length && places[next].Flow.Span.End <= comment.Start &&
                   (comment.OwnLine || Line(comment.Start) != places[next].EndLine)) next++;
            if (next == places.Length)
            {
                trailing.Add(comment.Text);
                continue;
            }

            var place = places[next];
            if (comment.Start < place.Flow.Span.Start)
            {
                place.Comments.Add(comment.Text);
                continue;
            }

            var line = Line(comment.Start);
            if (!comment.OwnLine)
            {
                if (place.StepEndingOn.TryGetValue(line, out var step) && place.Trailing[step] is null)
                    place.Trailing[step] = comment.Text;
                else
                    place.Notes.Add(comment.Text);
                continue;
            }

            var below = line + 1;
            while (ownLines.Contains(below)) below++;
            if (place.StepStartingOn.TryGetValue(below, out var above))
                place.StepComments[above].Add(comment.Text);
            else
                place.Notes.Add(comment.Text);
        }

        return new FileSyntax(places.Select(p => p.Build()).ToEquatableArray(), trailing.ToEquatableArray(), usingPlaces.Build());
    }

    // Up to the last `using` line, comment lines belong to the `using` below them and a comment ending a
    // `using` line to that line; later ones are the first flow's (or the file's trailing comments).
    private sealed class UsingComments
    {
        private readonly IReadOnlyList<UsingSyntax> _usings;
        private readonly int[] _lines;
        private readonly List<string>[] _comments;
        private readonly string?[] _trailing;

        public UsingComments(IReadOnlyList<UsingSyntax> usings, System.Func<int, int> line)
        {
            _usings = usings;
            _lines = usings.Select(u => line(u.Span.Start)).ToArray();
            _comments = usings.Select(_ => new List<string>()).ToArray();
            _trailing = new string?[usings.Count];
        }

        public bool TryAttach(CommentToken comment, int line)
        {
            if (_usings.Count == 0 || line > _lines[_lines.Length - 1]) return false;
            var index = System.Array.FindIndex(_lines, l => l >= line);
            if (comment.OwnLine)
                _comments[index].Add(comment.Text);
            else if (_lines[index] == line && _trailing[index] is null)
                _trailing[index] = comment.Text;
            else
                return false;
            return true;
        }

        public EquatableArray<UsingSyntax> Build() =>
            _usings.Select((u, i) => u with { Comments = _comments[i].ToEquatableArray(), TrailingComment = _trailing[i] }).ToEquatableArray();
    }

    private sealed class FlowComments
    {
        public FlowComments(FlowSyntax flow, System.Func<int, int> line)
        {
            Flow = flow;
            EndLine = line(System.Math.Max(flow.Span.Start, flow.Span.End - 1));
            var steps = flow.Steps;
            StepComments = steps.Select(_ => new List<string>()).ToArray();
            Trailing = new string?[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                var span = steps[i].Span;
                var first = line(span.Start);
                if (!StepStartingOn.ContainsKey(first)) StepStartingOn[first] = i;
                StepEndingOn[line(System.Math.Max(span.Start, span.End - 1))] = i;
            }
        }

        public FlowSyntax Flow { get; }

        public int EndLine { get; }

        public List<string> Comments { get; } = new();

        public List<string> Notes { get; } = new();

        public List<string>[] StepComments { get; }

        public string?[] Trailing { get; }

        public Dictionary<int, int> StepStartingOn { get; } = new();

        public Dictionary<int, int> StepEndingOn { get; } = new();

        public FlowSyntax Build() => Flow with
        {
            Comments = Comments.ToEquatableArray(),
            Notes = Notes.ToEquatableArray(),
            Steps = Flow.Steps.Select((s, i) => s with { Comments = StepComments[i].ToEquatableArray(), TrailingComment = Trailing[i] }).ToEquatableArray(),
        };
    }
}
