namespace LatentSymmetry.Core.Data;

/// <summary>The shape of a <see cref="TrainRegion"/>.</summary>
public enum TrainRegionKind
{
    /// <summary>Every point.</summary>
    Full,

    /// <summary>Within an angle of +z.</summary>
    Cone,

    /// <summary>Within half an angle of +x, about the z axis.</summary>
    Sector,
}
