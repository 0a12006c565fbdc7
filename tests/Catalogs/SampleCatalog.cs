using SymbolicGen.Language.Tests;

namespace SymbolicGen.Tests.Catalogs;

/// <summary>
/// The sample ComfyUI catalog file (<c>tests/Catalogs/comfyui-core.symcatalog.json</c>) and flows over it, shared by
/// the test projects that read, check, generate, build and run against it (compiled into each by link).
/// </summary>
public static class SampleCatalog
{
    /// <summary>The file's path in the repository.</summary>
    public const string Path = "tests/Catalogs/comfyui-core.symcatalog.json";

    /// <summary>The file's text, functions in namespace <c>comfy</c>.</summary>
    public static string Text { get; } = Repository.ReadText(Path);

    /// <summary>A flow from a prompt to a latent over five of the nodes (every value in range), through <c>using comfy</c>.</summary>
    public const string SampleFlow = """
        using comfy

        flow Sample(prompt: String, seed: Seed = 7) -> (latent: LATENT) {
            checkpoint = CheckpointLoaderSimple(ckpt_name: "sd15.safetensors")
            positive   = CLIPTextEncode(checkpoint.clip, text: prompt)
            negative   = CLIPTextEncode(checkpoint.clip, text: "blurry")
            empty      = EmptyLatentImage(width: 768, height: 512)
            latent     = KSampler(checkpoint.model, positive, negative, empty, seed: seed, steps: 25, cfg: 7.5, sampler_name: dpmpp_2m)
        }
        """;

    /// <summary>
    /// Text to image over six nodes called by their qualified names, the image greyed by a built-in function (IMAGE
    /// is an Image).
    /// </summary>
    public const string TextToImageFlow = """
        flow TextToImage(prompt: String = "a castle on a hill at dawn", seed: Seed = 42) -> (image: IMAGE, grey: Image) {
            checkpoint = comfy.CheckpointLoaderSimple(ckpt_name: "sd15.safetensors")
            positive   = comfy.CLIPTextEncode(checkpoint.clip, text: prompt)
            negative   = comfy.CLIPTextEncode(checkpoint.clip, text: "blurry, low quality")
            empty      = comfy.EmptyLatentImage(width: 768, height: 512)
            latent     = comfy.KSampler(checkpoint.model, positive, negative, empty, seed: seed, steps: 25, cfg: 7.5, sampler_name: dpmpp_2m, scheduler: karras)
            image      = comfy.VAEDecode(latent, checkpoint.vae)
            grey       = Grayscale(image)
        }
        """;
}
