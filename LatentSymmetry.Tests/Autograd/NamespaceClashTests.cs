using System.Numerics;
using System.Numerics.Tensors;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Autograd;

/// <summary>
/// A consumer that opens our namespaces beside System.Numerics and System.Numerics.Tensors compiles: this
/// file is the proof (the names Tensor&lt;T&gt; and Quaternion once clashed, CS0104). The test checks the
/// names it uses resolve to the types meant.
/// </summary>
public class NamespaceClashTests
{
    [Test]
    public void Our_types_and_the_System_Numerics_ones_are_usable_side_by_side()
    {
        Variable<float> ours = Variable<float>.FromSpan(1, 3, [1f, 2f, 3f]);
        float sum = TensorPrimitives.Sum<float>(ours.Span);
        Quaternion system = Quaternion.Identity;
        UnitQuaternion rotation = UnitQuaternion.FromAxisAngle(0, 0, 1, Math.PI / 2);

        Assert.That(sum, Is.EqualTo(6f));
        Assert.That(system.W, Is.EqualTo(1f));
        Assert.That(rotation.W, Is.EqualTo(Math.Cos(Math.PI / 4)).Within(1e-15));
        Assert.That(typeof(Variable<float>).Namespace, Is.EqualTo("LatentSymmetry.Autograd"));
    }
}
