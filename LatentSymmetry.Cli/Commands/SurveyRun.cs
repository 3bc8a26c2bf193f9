using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Cli.Commands;

/// <summary>One run of <c>latsym survey</c>: a field and a seed, in the run directory <c>runs/NAME</c>.</summary>
internal sealed record SurveyRun(IScalarField Field, int Seed, string Name);
