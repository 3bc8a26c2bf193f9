using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace LatentSymmetry.Core.Experiments.Runs;

/// <summary>
/// The one runner of experiments (<c>benchmark</c>'s grid cells, <c>survey</c>'s runs): takes jobs in order, skips the
/// recorded ones (resume), claims each before doing it (several processes on one output split the work), and records it
/// through the job's <see cref="IJobLedger{TJob}"/>, on up to <c>threads</c> worker threads.
/// </summary>
/// <remarks>
/// Nothing is planned ahead: a job's record is read when the runner comes to it, so a huge grid starts at once. If a job
/// throws, no new job starts, jobs in flight finish, and the first exception is rethrown. On cancellation no new job
/// starts; a job that throws <see cref="OperationCanceledException"/> is left unrecorded, to be done next time. Results
/// never depend on the thread count: each job derives its random streams from itself.
/// </remarks>
public static class ExperimentRunner
{
    /// <summary>Does the jobs of <paramref name="jobs"/> that <paramref name="ledger"/> has not recorded; see the remarks of <see cref="ExperimentRunner"/>.</summary>
    public static RunnerSummary Run<TJob>(IReadOnlyList<TJob> jobs, IJobLedger<TJob> ledger, int threads = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);

        var warnings = new ConcurrentQueue<string>();
        int cursor = -1, alreadyPresent = 0, recorded = 0, diverged = 0, elsewhere = 0, claimedElsewhere = 0;
        var gate = new object();
        ExceptionDispatchInfo? failure = null;
        bool cancelled = false;

        // The next job not yet recorded; the ledger is asked in job order, one job at a time, so it may reuse what it read.
        (bool Found, TJob Job) Next()
        {
            lock (gate)
            {
                while (Volatile.Read(ref failure) is null)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        cancelled = true;
                        return default;
                    }

                    int index = ++cursor;
                    if (index >= jobs.Count) return default;
                    if (ledger.IsRecorded(jobs[index], fresh: false))
                    {
                        alreadyPresent++;
                        continue;
                    }

                    return (true, jobs[index]);
                }

                return default;
            }
        }

        void Work()
        {
            while (true)
            {
                (bool found, TJob job) next;
                try
                {
                    next = Next();
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
                    return;
                }

                if (!next.found) return;
                try
                {
                    using IDisposable? claim = ledger.TryClaim(next.job);
                    if (claim is null)
                    {
                        Interlocked.Increment(ref claimedElsewhere);
                        continue;
                    }

                    // Another process may have recorded it between the first look and the claim.
                    if (ledger.IsRecorded(next.job, fresh: true))
                    {
                        Interlocked.Increment(ref elsewhere);
                        continue;
                    }

                    JobOutcome outcome = ledger.Execute(next.job, cancellationToken);
                    foreach (string w in outcome.Warnings) warnings.Enqueue(w);
                    if (!outcome.Recorded)
                    {
                        Interlocked.Increment(ref elsewhere);
                        continue;
                    }

                    Interlocked.Increment(ref recorded);
                    if (outcome.Diverged) Interlocked.Increment(ref diverged);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    return;
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
                    return;
                }
            }
        }

        int count = Math.Min(threads, Math.Max(1, jobs.Count));
        if (count == 1)
        {
            Work();
        }
        else
        {
            Thread[] workers = [.. Enumerable.Range(0, count).Select(i => new Thread(Work) { Name = $"experiment-worker-{i}", IsBackground = true })];
            foreach (Thread t in workers) t.Start();
            foreach (Thread t in workers) t.Join();
        }

        failure?.Throw();
        return new RunnerSummary(jobs.Count, alreadyPresent, recorded, diverged, elsewhere, claimedElsewhere, cancelled, [.. warnings]);
    }
}
