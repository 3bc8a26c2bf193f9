// LatentSymmetry embedded in a console app through its NuGet packages: train, a custom step on a model tree, a
// gradient check, an equivariance check, save and load. Each check makes a broken package fail CI (exit code 1).
// The packages give the everyday namespaces (models, groups, training, the tape and its ops) as implicit usings.
using LatentSymmetry.Autograd.Verification;

int failures = 0;
void Check(bool ok, string what) { Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}"); if (!ok) failures++; }

// 1. Train the default model (2 epochs instead of 200 to stay quick).
var run = new Trainer(new TrainingOptions { Epochs = 2 }).Run();
Check(run.TestTaskLoss < 0.01, $"default model trained: test loss {run.TestTaskLoss:E3}");

// 2. A custom step on a model tree: an invariant model plus a small MLP branch, summed; AdamW on the MSE.
var model = new Sum<float>(("invariant", new InvariantMlp<float>(SymmetryGroup.So3, 16, 2, 1)), ("branch", new Mlp<float>(3, 8, 1, 1)));
model.Initialize(new RandomStream(7));
var optimizer = new AdamW<float>(model.Parameters());
var x = Variable<float>.FromSpan(4, 3, [0.1f, 0.2f, 0.3f, -1, 0, 1, 2, 2, 2, 0, -0.5f, 0.5f]);
var y = Variable<float>.FromSpan(4, 1, [1, 0.5f, 0, 0.25f]);
var tape = new Tape<float>();
float before = tape.MseLoss(model.Forward(tape, x), y).Item();
for (int step = 0; step < 20; step++) { tape.Reset(); optimizer.ZeroGrad(); tape.Backward(tape.MseLoss(model.Forward(tape, x), y)); optimizer.Step(); }
tape.Reset();
float after = tape.MseLoss(model.Forward(tape, x), y).Item();
Check(after < before, $"custom steps: batch loss {before:F4} -> {after:F4}");

// 3. The same weights in float64, gradient-checked with PyTorch's gradcheck settings.
var exact = model.To<double>();
var x64 = Variable<double>.FromSpan(4, 3, [0.1, 0.2, 0.3, -1, 0, 1, 2, 2, 2, 0, -0.5, 0.5]);
var y64 = Variable<double>.FromSpan(4, 1, [1, 0.5, 0, 0.25]);
var gradcheck = GradientCheck.Elementwise(t => t.MseLoss(exact.Forward(t, x64), y64), [.. exact.Parameters()]);
Check(gradcheck.Passes, $"gradient check: max relative error {gradcheck.MaxRelativeError:E2}");

// 4. The invariant branch is exactly invariant; the whole model, with its MLP branch, is not.
EquivarianceCheck.AssertEquivariant(model.Find("invariant")!, SymmetryGroup.So3, x.ToArray());
var (error, _, _) = EquivarianceCheck.MaxError(model, SymmetryGroup.So3, x.ToArray());
Check(error > 1e-4, $"equivariance: invariant branch passes, the sum deviates by {error:E2}");

// 5. Save and load: safetensors with PyTorch's names (invariant.layers.0.weight, ...), back bit for bit.
string path = Path.Combine(Path.GetTempPath(), $"latsym-sample-{Environment.ProcessId}.safetensors");
model.Save(path);
var loaded = new Sum<float>(("invariant", new InvariantMlp<float>(SymmetryGroup.So3, 16, 2, 1)), ("branch", new Mlp<float>(3, 8, 1, 1)));
loaded.Load(path);
File.Delete(path);
Check(model.Parameters().Zip(loaded.Parameters()).All(p => p.First.Span.SequenceEqual(p.Second.Span)), "save and load: every weight bit for bit");
return failures == 0 ? 0 : 1;
