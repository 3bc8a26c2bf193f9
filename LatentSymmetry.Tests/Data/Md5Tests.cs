using System.Text;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Data;

public class Md5Tests
{
    // The test suite of RFC 1321, appendix A.5.
    [TestCase("", "d41d8cd98f00b204e9800998ecf8427e")]
    [TestCase("a", "0cc175b9c0f1b6a831c399e269772661")]
    [TestCase("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [TestCase("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
    [TestCase("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
    [TestCase("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
    [TestCase("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
    public void HashData_matches_the_rfc_1321_test_suite(string message, string expectedHex) =>
        Assert.That(Hex(Encoding.ASCII.GetBytes(message)), Is.EqualTo(expectedHex));

    [Test]
    public void HashData_matches_the_platform_md5_at_every_padding_boundary()
    {
        // Lengths around 55/56/64 bytes change how many padding blocks there are; compare with the platform's
        // implementation (OpenSSL here), which the managed one replaces.
        var random = new Random(12);
        for (int length = 0; length <= 200; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            string expected = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(message));
            Assert.That(Hex(message), Is.EqualTo(expected), $"length {length}");
        }
    }

    [Test]
    public void HashData_refuses_a_short_destination() =>
        Assert.Throws<ArgumentException>(() => Md5.HashData([1, 2, 3], new byte[15]));

    private static string Hex(byte[] message)
    {
        var digest = new byte[Md5.HashSizeInBytes];
        Md5.HashData(message, digest);
        return Convert.ToHexStringLower(digest);
    }
}
