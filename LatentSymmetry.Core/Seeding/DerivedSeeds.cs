using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace LatentSymmetry.Core.Seeding;

/// <summary>
/// The three seeds a run derives from its run seed, so data, weights and rotations vary independently:
/// derive(seed, category) = MD5 of the UTF-8 text "{seed}_{category}", read as a 128-bit big-endian
/// unsigned integer, mod 2^31 (the original project's rule, so seeds match it).
/// </summary>
/// <param name="Data">Seed of dataset generation, splits and batch order.</param>
/// <param name="Model">Seed of weight initialisation.</param>
/// <param name="Augmentation">Seed of the SO(3) rotations of the symmetry loss.</param>
public readonly record struct DerivedSeeds(int Data, int Model, int Augmentation)
{
    /// <summary>Category name of the data seed.</summary>
    public const string DataCategory = "data";

    /// <summary>Category name of the model seed.</summary>
    public const string ModelCategory = "model";

    /// <summary>Category name of the augmentation seed.</summary>
    public const string AugmentationCategory = "augmentation";

    /// <summary>
    /// Category of the seed of data augmentation (<c>--augment</c>): a fourth stream, derived on demand, so the
    /// three seeds above and every run without augmentation keep their bits.
    /// </summary>
    public const string DataAugmentationCategory = "data_augmentation";

    /// <summary>The data, model and augmentation seeds of <paramref name="runSeed"/>.</summary>
    public static DerivedSeeds FromRunSeed(int runSeed) =>
        new(Derive(runSeed, DataCategory), Derive(runSeed, ModelCategory), Derive(runSeed, AugmentationCategory));

    /// <summary>MD5("{runSeed}_{category}") as a big-endian integer, mod 2^31; always in [0, 2^31).</summary>
    public static int Derive(int runSeed, string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        // Invariant culture: Python's str(int) never localises the minus sign.
        string text = string.Create(CultureInfo.InvariantCulture, $"{runSeed}_{category}");
        Span<byte> hash = stackalloc byte[Md5.HashSizeInBytes];
        Md5.HashData(Encoding.UTF8.GetBytes(text), hash);
        // 2^31 divides 2^96, so the residue of the 128-bit big-endian number is its lowest 31 bits,
        // which sit in the last four bytes.
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash[12..]) & 0x7FFF_FFFFu);
    }
}
