using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;
using static SymbolicGen.Language.Tests.Query.QueryText;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>"What is at offset N": one query, on every kind of token.</summary>
public class FindAtTests
{
    // Every kind of token the tokenizer makes, in a file that checks clean.
    private const string EveryKind = """"
        # Every kind of token.
        flow Kinds(photo: Image) -> (out: Image, film: Video) {
            big  = Resize(photo, size: 1024x576, method: lanczos)
            tint = TextOverlay(big, "hi \"there\"", color: #1e90ff, size: 48px)
            card = TextToImage("""a long
        prompt""", seed: 7)
            out  = ImageBlend(tint, card, weight: 50%, mode: alpha) # trailing
            film = ImageToVideo(out, duration: 0.5min, fps: 24fps)
        }
        flow Listed
          input photo: Image
          output clip: Video
          node v = ImageToVideo { motion: zoom_in }
          link photo -> v.image
          link v.video -> clip
        end
        """";

    // Words that are syntax or types, never names.
    private static readonly HashSet<string> NotNames = ["flow", "Image", "Video", "input", "output", "node", "link", "end"];

    [Fact]
    public void Each_name_token_is_found_with_its_exact_span_and_no_other_token_holds_a_name()
    {
        var compilation = Compile(EveryKind);
        Assert.Empty(compilation.Diagnostics);
        var kinds = compilation.Tokens.Select(t => t.Kind).ToHashSet();
        Assert.Superset(new HashSet<TokenKind>
        {
            TokenKind.Identifier, TokenKind.Number, TokenKind.Quantity, TokenKind.Size, TokenKind.Color, TokenKind.String, TokenKind.BlockString,
            TokenKind.LeftParen, TokenKind.RightParen, TokenKind.LeftBrace, TokenKind.RightBrace, TokenKind.Comma, TokenKind.Colon,
            TokenKind.Equals, TokenKind.Dot, TokenKind.Arrow, TokenKind.Newline, TokenKind.Comment,
        }, kinds);

        foreach (var token in compilation.Tokens)
        {
            var found = compilation.Symbols.FindAt(token.Span.Start);
            if (token.Kind == TokenKind.Identifier && !NotNames.Contains(token.Text))
            {
                Assert.True(found is { } name && name.Span.SamePosition(token.Span), $"{token}: found {found}");
                Assert.Equal(token.Text, found!.Value.Name);
            }
            else
            {
                // A cursor just after a name is on that name; inside any other token there is nothing.
                Assert.True(found is null || found.Value.Span.End == token.Span.Start, $"{token}: found {found}");
                for (var offset = token.Span.Start + 1; offset < token.Span.End; offset++)
                    Assert.Null(compilation.Symbols.FindAt(offset));
            }
        }
    }

    [Fact]
    public void Names_of_every_kind_are_found_from_any_offset_inside_them_and_just_after_them()
    {
        var compilation = Compile(EveryKind);
        var expected = new (int Line, string Word, int Nth, OccurrenceKind Kind)[]
        {
            (2, "Kinds", 0, OccurrenceKind.Declaration),
            (3, "photo", 0, OccurrenceKind.Reference),
            (3, "Resize", 0, OccurrenceKind.Function),
            (3, "size", 0, OccurrenceKind.FunctionParameter),
            (3, "lanczos", 0, OccurrenceKind.EnumValue),
            (13, "motion", 0, OccurrenceKind.FunctionParameter),
            (14, "image", 0, OccurrenceKind.FunctionInput),
            (15, "video", 0, OccurrenceKind.FunctionOutput),
            (15, "clip", 0, OccurrenceKind.Reference),
        };
        foreach (var (line, word, nth, kind) in expected)
        {
            var span = Word(EveryKind, line, word, nth);
            for (var offset = span.Start; offset <= span.End; offset++)
            {
                var found = compilation.Symbols.FindAt(offset);
                Assert.True(found is { } name && name.Span.SamePosition(span) && name.Kind == kind, $"{word} at {offset}: {found}");
            }
        }
    }

    [Fact]
    public void Nothing_is_found_in_an_empty_file_before_the_text_or_past_its_end()
    {
        Assert.Null(Compile("").Symbols.FindAt(0));
        var compilation = Compile(Flagship.Dataflow);
        Assert.Null(compilation.Symbols.FindAt(-5));
        Assert.Null(compilation.Symbols.FindAt(Flagship.Dataflow.Length + 10));
        Assert.Null(compilation.Symbols.FindAt(0));
    }

    [Fact]
    public void Names_in_a_file_with_errors_are_found_and_unresolved_ones_say_so()
    {
        const string text = """
            flow Broken(photo: Image, seconds: Duration = 2s) -> (out: Image, film: Video) {
                a   = ImageBlnd(photo, phot)
                b   = ImageBlend(photo, nope.image, wieght: 0.5, mode: lapacian)
                c   = Segment(photo)
                out = ImageBlend(c.fgg, photo.x)
                film = ImageToVideo(seconds)
            }
            flow Linked
              input photo: Image
              output clip: Video
              node v = ImageToVideo {}
              link photo -> v.imag
              link v.video -> clap
              link photo -> w.image
            end
            """;
        var compilation = Compile(text);
        Assert.NotEmpty(compilation.Diagnostics);

        var unresolved = new (int Line, string Word, string? Function)[]
        {
            (2, "ImageBlnd", null), (2, "phot", null), (3, "nope", null), (3, "image", null), (3, "wieght", "ImageBlend"),
            (3, "lapacian", null), (5, "fgg", "Segment"), (5, "x", null), (12, "imag", "ImageToVideo"), (13, "clap", null), (14, "w", null), (14, "image", null),
        };
        foreach (var (line, word, function) in unresolved)
        {
            var found = compilation.At(Word(text, line, word));
            Assert.True(found.Kind == OccurrenceKind.Unresolved && found.Symbol is null && found.Function == function, $"{word}: {found} ({found.Function})");
        }
        // A parameter used as media, and the names around mistakes, still resolve.
        Assert.Same(compilation.Symbol("Broken", "seconds", SymbolKind.Parameter), compilation.At(Word(text, 6, "seconds")).Symbol);
        Assert.Same(compilation.Symbol("Broken", "c", SymbolKind.Node), compilation.At(Word(text, 5, "c")).Symbol);
        Assert.Equal(OccurrenceKind.FunctionOutput, compilation.At(Word(text, 13, "video")).Kind);
        Assert.Equal(12, compilation.Symbols.Occurrences.Count(o => o.Kind == OccurrenceKind.Unresolved));
    }

    [Fact]
    public void A_duplicate_declaration_is_a_reference_of_the_first_so_a_rename_keeps_the_mistake_as_it_was()
    {
        const string text = """
            flow Twice(photo: Image, photo: Image) -> (out: Image) {
                out = Upscale(photo)
                out = Upscale(photo)
            }
            """;
        var compilation = Compile(text);

        var photo = compilation.Symbol("Twice", "photo", SymbolKind.Input);
        Assert.Equal(Word(text, 1, "photo", 0).Start, photo.Declaration.Start);
        Assert.Equal(OccurrenceKind.Reference, compilation.At(Word(text, 1, "photo", 1)).Kind);
        Assert.Equal(3, compilation.Symbols.ReferencesOf(photo).Count);
        Assert.Same(compilation.Symbol("Twice", "out", SymbolKind.Node), compilation.At(Word(text, 3, "out")).Symbol);
    }
}
