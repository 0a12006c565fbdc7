// Stand-ins for the runtime's media types, so that the flagship contract can be read as a catalog
// before the runtime library defines them. Delete this file when SymbolicGen.Runtime has Image,
// Audio and Video (the runtime issue).
namespace SymbolicGen.Runtime
{
    public sealed class Image { }
    public sealed class Audio { }
    public sealed class Video { }
}
