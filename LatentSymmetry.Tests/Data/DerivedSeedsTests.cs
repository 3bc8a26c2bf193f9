using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Data;

public class DerivedSeedsTests
{
    // Vectors from the original rule in Python: int.from_bytes(hashlib.md5(f"{seed}_{category}".encode()).digest(), "big") % 2**31.
    [TestCase(42, "data", 598827508)]
    [TestCase(42, "model", 1505365778)]
    [TestCase(42, "augmentation", 1969969517)]
    [TestCase(1, "data", 318843564)]
    public void Derive_matches_the_original_md5_rule(int runSeed, string category, int expected) =>
        Assert.That(DerivedSeeds.Derive(runSeed, category), Is.EqualTo(expected));

    [Test]
    public void FromRunSeed_derives_each_category() =>
        Assert.That(DerivedSeeds.FromRunSeed(42), Is.EqualTo(new DerivedSeeds(598827508, 1505365778, 1969969517)));

    [Test]
    public void Derive_stays_below_two_to_the_31_for_many_seeds()
    {
        for (int seed = -50; seed < 50; seed++)
            Assert.That(DerivedSeeds.Derive(seed, DerivedSeeds.DataCategory), Is.InRange(0, int.MaxValue));
    }
}
