using LatentSymmetry.Autograd;
using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Models;

public class StateDictTests
{
    string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("latsym-state-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    static Mlp<float> Trained(int seed)
    {
        var m = new Mlp<float>(3, 8, 2, 1);
        m.Initialize(new RandomStream(seed));
        return m;
    }

    static float[] Predict(Module<float> m, float[] points) => m.Forward(new Tape<float>(), Variable<float>.FromSpan(points.Length / m.InputDimension, m.InputDimension, points)).ToArray();

    [Test]
    public void Names_and_shapes_are_pytorchs()
    {
        var state = Trained(1).StateDict();
        Assert.That(state.Names, Is.EqualTo(new[] { "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias", "layers.4.weight", "layers.4.bias" }));
        Assert.That(state["layers.0.weight"].Shape, Is.EqualTo(new[] { 8, 3 }));
        Assert.That(state["layers.0.bias"].Shape, Is.EqualTo(new[] { 8 }));
        Assert.That(state["layers.4.weight"].Shape, Is.EqualTo(new[] { 1, 8 }));
        Assert.That(state["layers.4.bias"].Shape, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void Saved_and_loaded_gives_the_same_predictions_bit_for_bit()
    {
        var source = Trained(1);
        var path = Path.Combine(_dir, "model.safetensors");
        source.Save(path);
        var target = Trained(2);
        var points = new TestData(6).Array<float>(3 * 50, -3, 3);
        Assert.That(Predict(target, points), Is.Not.EqualTo(Predict(source, points)));
        target.Load(path);
        Assert.That(Predict(target, points), Is.EqualTo(Predict(source, points)));
        // The file is what PyTorch reads: a [n] bias, F32 little-endian, 8-byte aligned header.
        var entries = SafetensorsFile.Read(path);
        Assert.That(entries.Select(e => e.Name), Is.EqualTo(source.StateDict().Names));
        Assert.That(entries[1].Shape, Is.EqualTo(new[] { 8 }));
        Assert.That(BitConverter.ToUInt64(File.ReadAllBytes(path), 0) % 8, Is.EqualTo(0));
    }

    [Test]
    public void An_invariant_model_round_trips_in_double_through_its_state_dict()
    {
        var a = new InvariantMlp<double>(SymmetryGroup.So2, 4, 2, 1);
        a.Initialize(new RandomStream(3));
        var b = new InvariantMlp<double>(SymmetryGroup.So2, 4, 2, 1);
        b.LoadStateDict(a.StateDict());
        Assert.That(b.Parameters().SelectMany(t => t.ToArray()), Is.EqualTo(a.Parameters().SelectMany(t => t.ToArray())));
        Assert.That(a.StateDict()["layers.0.weight"].Shape, Is.EqualTo(new[] { 4, 1 }), "one invariant in");
    }

    [Test]
    public void A_mismatched_shape_is_a_one_line_error_naming_the_tensor_and_both_shapes_and_nothing_changes()
    {
        var wide = new Mlp<float>(3, 16, 2, 1);
        wide.Initialize(new RandomStream(1));
        var model = Trained(2);
        var before = model.Parameters().SelectMany(t => t.ToArray()).ToArray();
        var e = Assert.Throws<StateDictException>(() => model.LoadStateDict(wide.StateDict()))!;
        Assert.That(e.Message, Is.EqualTo("tensor 'layers.0.weight' has shape [16, 3] in the state dict; the model expects [8, 3]"));
        Assert.That(model.Parameters().SelectMany(t => t.ToArray()), Is.EqualTo(before));
    }

    [Test]
    public void A_missing_or_unexpected_tensor_is_named()
    {
        var state = Trained(1).StateDict();
        var missing = new StateDict<float>(state.Where(e => e.Name != "layers.2.bias"));
        Assert.That(Assert.Throws<StateDictException>(() => Trained(2).LoadStateDict(missing))!.Message,
            Is.EqualTo("state dict has no tensor 'layers.2.bias' (the model expects shape [8])"));
        var extra = new StateDict<float>([.. state, new StateDictEntry<float>("layers.6.weight", [1, 1], [0f])]);
        var message = Assert.Throws<StateDictException>(() => Trained(2).LoadStateDict(extra))!.Message;
        Assert.That(message, Does.StartWith("unexpected tensor 'layers.6.weight'").And.Not.Contain("\n"));
    }

    [Test]
    public void A_state_dict_refuses_duplicate_names_and_wrong_value_counts()
    {
        Assert.Throws<ArgumentException>(() => new StateDict<float>([new("a", [2], [1f, 2f]), new("a", [1], [1f])]));
        Assert.Throws<ArgumentException>(() => new StateDict<float>([new("a", [2, 2], [1f, 2f])]));
    }
}
