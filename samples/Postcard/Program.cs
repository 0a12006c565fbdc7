// The smallest real SymbolicGen consumer: workflows/Postcard.sym becomes PostcardPipeline at build time
// (a typo or an out-of-range value in the .sym file fails the build at its line and column), and this
// program runs it on a photo.
//   dotnet run --project samples/Postcard -- photo.png "Greetings from the jungle" out/
using System;
using System.IO;
using Postcard.Workflows;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;
using SymbolicGen.Runtime.IO;

var photoPath = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "assets", "jungle.png");
var caption = args.Length > 1 ? args[1] : "Greetings from the jungle";
var outDirectory = Directory.CreateDirectory(args.Length > 2 ? args[2] : "out").FullName;

var pipeline = new PostcardPipeline { Seconds = 3 };
// Per-node parameters, typed, without touching the .sym file.
pipeline.Nodes.Framed.Strength = 0.8;

var observer = new RunObserver();
observer.Finished += (node, duration, outcome) => Console.WriteLine($"  {node.Name,-7} {node.Function,-12} {outcome} in {duration.TotalSeconds:0.00} s");

using var photo = ImageFile.Read(photoPath);
await using var result = await pipeline.RunAsync(photo, new Text(caption), new RunOptions { Observer = observer });

var card = Path.Combine(outDirectory, "card.png");
var clip = Path.Combine(outDirectory, "clip.mp4");
ImageFile.Write(result.Card, card);
await VideoFile.WriteAsync(result.Clip, clip);
Console.WriteLine($"wrote {card} ({result.Card}) and {clip} ({result.Clip})");
