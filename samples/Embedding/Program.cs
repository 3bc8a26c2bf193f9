// LatentSymmetry embedded in a console app through its NuGet packages. Each part is a few lines; the
// checks make a broken package fail CI (exit code 1).
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Seeding;

int failures = 0;
void Check(bool ok, string what) { Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}"); if (!ok) failures++; }

// 1. Train the default model (default configuration, 2 epochs instead of 200 to stay quick).
var run = new Trainer(new TrainingOptions { Epochs = 2 }).Run();
Check(run.TestTaskLoss < 0.01, $"default model trained: test loss {run.TestTaskLoss:E3}");

// 2. One custom training step: a small MLP, AdamW, the MSE of a 4-point batch.
var model = new Mlp<float>(inputDim: 3, hiddenDim: 16, hiddenLayers: 2, outputDim: 1);
model.Initialize(new RandomStream(7));
var optimizer = new AdamW<float>(model.Parameters());
var tape = new Tape<float>();
var x = Variable<float>.FromSpan(4, 3, [0.1f, 0.2f, 0.3f, -1, 0, 1, 2, 2, 2, 0, -0.5f, 0.5f]);
var y = Variable<float>.FromSpan(4, 1, [1, 0.5f, 0, 0.25f]);
var loss = tape.MseLoss(model.Forward(tape, x), y);
tape.Backward(loss);
optimizer.Step();
float before = loss.Item();
tape.Reset();
float after = tape.MseLoss(model.Forward(tape, x), y).Item();
Check(after < before, $"custom step: batch loss {before:F4} -> {after:F4}");

// 3. A gradient check (float64, PyTorch's gradcheck settings) of a small expression.
var w = Variable<double>.FromSpan(2, 2, [1, 2, 3, 4], requiresGrad: true);
var target = Variable<double>.FromSpan(2, 2, [0, 1, 1, 0]);
var gradcheck = GradientCheck.Elementwise(t => t.MseLoss(t.MatMul(w, w), target), [w]);
Check(gradcheck.Passes, $"gradient check: max relative error {gradcheck.MaxRelativeError:E2}");

// 4. Haar-random rotations of SO(3): a quaternion, and three rotation matrices.
var sampler = new HaarSo3Sampler(augmentationSeed: 1);
var rotations = new double[3 * 9];
sampler.Sample<double>(rotations);
Check(Math.Abs(sampler.NextQuaternion().Norm - 1) < 1e-12 && Math.Abs(Determinant(rotations.AsSpan(0, 9)) - 1) < 1e-12, "Haar sampling: unit quaternion, det R = 1");

// 5. Save and load weights: safetensors with PyTorch's names and shapes (biases [n]), loaded back bit for bit.
string path = Path.Combine(Path.GetTempPath(), $"latsym-sample-{Environment.ProcessId}.safetensors");
model.Save(path);
var loaded = new Mlp<float>(3, 16, 2, 1);
loaded.Load(path);
File.Delete(path);
Check(model.Parameters().Zip(loaded.Parameters()).All(p => p.First.Span.SequenceEqual(p.Second.Span)), "save and load: every weight bit for bit");

return failures == 0 ? 0 : 1;

static double Determinant(ReadOnlySpan<double> m) =>
    m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
