namespace LatentSymmetry.Core.Seeding;

/// <summary>
/// The one registry of the rotation streams a run and its evaluation draw from: each is the run's augmentation seed
/// XOR-ed with a fixed offset of its own, so that measuring never shifts the stream training draws from, and a saved
/// run's figures can be recomputed (<c>latsym evaluate</c>) from the same streams. The offsets are arbitrary constants;
/// changing one changes recorded numbers.
/// </summary>
public static class RotationStreams
{
    /// <summary>The validation split's penalty, every epoch.</summary>
    public const int Validation = 0x5EED_0001;

    /// <summary>The test split's penalty, at the end.</summary>
    public const int Test = 0x5EED_0002;

    /// <summary>The turned test points of orbit_task_loss.</summary>
    public const int OrbitTaskLoss = 0x5EED_0003;

    /// <summary>evaluate: the invariance error ε.</summary>
    public const int InvarianceError = 0x5EED_0011;

    /// <summary>evaluate: the per-layer moments (SL, Q_h, Q, RSL).</summary>
    public const int LayerMeasures = 0x5EED_0012;

    /// <summary>evaluate: MI's rotation pairs.</summary>
    public const int RotationPairs = 0x5EED_0013;

    /// <summary>evaluate: the error against the angle to the region's axis.</summary>
    public const int AngleCurve = 0x5EED_0014;

    /// <summary>evaluate: the random directions of gl(n) in the Lie derivative's relative figure.</summary>
    public const int LieDerivative = 0x5EED_0015;

    /// <summary>The learned breaking (metrics.json's breaking_rms, field_breaking_rms): one rotation per test point.</summary>
    public const int Breaking = 0x5EED_0021;

    /// <summary>The gradient-alignment probe's penalty (grad_align_interval), so the training stream is untouched.</summary>
    public const int GradAlignment = 0x5EED_0022;

    /// <summary>rollout: the rotations that turn the starts (with the starts' own seed).</summary>
    public const int Rollout = 0x5EED_0031;

    /// <summary>The seed of stream <paramref name="offset"/> for a run of augmentation seed <paramref name="augmentationSeed"/>.</summary>
    public static int Seed(int augmentationSeed, int offset) => augmentationSeed ^ offset;
}
