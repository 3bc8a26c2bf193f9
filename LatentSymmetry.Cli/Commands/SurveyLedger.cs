using System.Text;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Experiments.Runs;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// The survey's records for the <see cref="ExperimentRunner"/>: a run is recorded when its directory holds
/// invariance.json; doing it trains the run (unless its directory exists: an interrupted survey's run is evaluated, not
/// retrained) and evaluates it. Claims are <see cref="JobClaim"/>s in the survey's directory, so surveys sharing an output split the runs.
/// </summary>
internal sealed class SurveyLedger(string directory, TrainingOptions template, EvaluationOptions evaluation, TextWriter stderr,
    Func<SurveyRun, bool> read) : IJobLedger<SurveyRun>
{
    readonly string _runs = Path.Combine(directory, "runs");

    /// <summary>The runs this process did, diverged ones included (those never get an invariance.json).</summary>
    public HashSet<SurveyRun> Done { get; } = [];

    /// <summary>Called for a run whose training diverged (after its warning): it stays out of the means.</summary>
    public Action<SurveyRun>? Diverged { get; init; }

    public string InvariancePath(SurveyRun run) => Path.Combine(_runs, run.Name, "invariance.json");

    public bool IsRecorded(SurveyRun run, bool fresh) => File.Exists(InvariancePath(run));

    // The claims sit beside runs/, not in it, so runs/ holds run directories only.
    public IDisposable? TryClaim(SurveyRun run) => JobClaim.TryAcquire(directory, run.Name);

    public JobOutcome Execute(SurveyRun run, CancellationToken cancellationToken)
    {
        string runDir = Path.Combine(_runs, run.Name);
        if (!Directory.Exists(runDir))
        {
            using var staged = StagedDirectory.Create(runDir, "--output");
            RunArtifacts.Write(staged.StagingPath, new Trainer(template with { Field = run.Field, RunSeed = run.Seed }).Run(cancellation: cancellationToken));
            staged.Commit();
        }
        var saved = SavedRun.Open(runDir);
        Done.Add(run);
        RunEvaluation e;
        try { e = RunEvaluator.Evaluate(saved, evaluation); }
        catch (RunDirectoryException failure)
        {
            // A diverged run stays out of the means; the others go on.
            stderr.WriteLine($"latsym: warning: {failure.Message}");
            Diverged?.Invoke(run);
            return new JobOutcome(true, true, []);
        }
        FigureFile.WriteAtomically(InvariancePath(run), Encoding.UTF8.GetBytes(EvaluationReport.Json(saved, e, evaluation.Measures)));
        read(run);
        return new JobOutcome(true, false, []);
    }
}
