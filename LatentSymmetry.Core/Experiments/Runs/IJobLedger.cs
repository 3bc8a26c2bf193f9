namespace LatentSymmetry.Core.Experiments.Runs;

/// <summary>
/// Where an experiment's jobs are recorded, as <see cref="ExperimentRunner"/> needs it: whether a job is recorded
/// already (resume), a claim that every process sharing the records can see (so two processes split the work), and
/// doing a job and recording it. The records, not the claims, decide what is done: a job is never recorded twice.
/// </summary>
/// <typeparam name="TJob">One unit of work: a grid cell, a survey's (field, seed) run.</typeparam>
public interface IJobLedger<TJob>
{
    /// <summary>
    /// Whether <paramref name="job"/> is recorded. With <paramref name="fresh"/> false the answer may come from what was
    /// read for an earlier job (the runner asks in job order, one job at a time); true reads the records again.
    /// </summary>
    bool IsRecorded(TJob job, bool fresh);

    /// <summary>Claims <paramref name="job"/> for this process until disposed, or returns null when another process holds it.</summary>
    IDisposable? TryClaim(TJob job);

    /// <summary>Does <paramref name="job"/> and records it; called on a worker thread, with the claim held.</summary>
    JobOutcome Execute(TJob job, CancellationToken cancellationToken);
}
