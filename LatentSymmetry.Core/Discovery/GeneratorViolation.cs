namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// How far a function is from being invariant under one generator A: the absolute rate RMS_x(∇f(x)·A x) (units of f
/// per unit of the flow parameter t of exp(tA): per radian for a rotation generator such as L_z), and the same for A
/// scaled to unit Frobenius norm, relative to RMS_x(∇f(x)·B x) averaged over uniformly random unit B in gl(n) (0 for a
/// symmetry, about 1 for a direction as broken as a random one).
/// </summary>
/// <param name="Name">The generator's name, e.g. <c>L_z</c> or <c>A1</c> for a discovered basis matrix.</param>
/// <param name="Matrix">The generator, row-major n×n.</param>
/// <param name="Relative">RMS(∇f·Âx) / RMS(∇f·Bx), Â = A/‖A‖_F.</param>
/// <param name="Absolute">RMS(∇f·Ax) with A as given.</param>
public sealed record GeneratorViolation(string Name, double[] Matrix, double Relative, double Absolute);
