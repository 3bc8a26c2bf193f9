using System.Collections.Concurrent;
using LatentSymmetry.Core.Experiments.Runs;

namespace LatentSymmetry.Tests.Experiments;

/// <summary>The one experiment runner, against a ledger whose records and claims the test sets.</summary>
public class ExperimentRunnerTests
{
    sealed class FakeLedger : IJobLedger<int>
    {
        public HashSet<int> Recorded { get; } = [];
        public HashSet<int> RecordedBeforeClaim { get; } = [];
        public HashSet<int> HeldElsewhere { get; } = [];
        public int? Throws { get; init; }
        public ConcurrentQueue<int> Executed { get; } = new();
        public int Claims;

        public bool IsRecorded(int job, bool fresh)
        {
            lock (Recorded) return Recorded.Contains(job) || (fresh && RecordedBeforeClaim.Contains(job));
        }

        public IDisposable? TryClaim(int job)
        {
            if (HeldElsewhere.Contains(job)) return null;
            Interlocked.Increment(ref Claims);
            return new MemoryStream();
        }

        public JobOutcome Execute(int job, CancellationToken cancellationToken)
        {
            if (job == Throws) throw new InvalidOperationException($"job {job} failed");
            Executed.Enqueue(job);
            lock (Recorded) Recorded.Add(job);
            return new JobOutcome(true, job % 5 == 0, []);
        }
    }

    [Test]
    public void Recorded_jobs_are_skipped_held_ones_left_and_the_rest_done_once_in_order()
    {
        var ledger = new FakeLedger();
        ledger.Recorded.UnionWith([1, 2]);
        ledger.HeldElsewhere.Add(4);
        ledger.RecordedBeforeClaim.Add(6);
        var summary = ExperimentRunner.Run([0, 1, 2, 3, 4, 5, 6, 7], ledger);
        Assert.That(ledger.Executed, Is.EqualTo(new[] { 0, 3, 5, 7 }));
        Assert.That(summary, Is.EqualTo(new RunnerSummary(8, 2, 4, 2, 1, 1, false, summary.Warnings)));
    }

    [Test]
    public void Several_threads_do_every_job_exactly_once()
    {
        var ledger = new FakeLedger();
        var summary = ExperimentRunner.Run([.. Enumerable.Range(0, 200)], ledger, threads: 3);
        Assert.That(ledger.Executed.Order(), Is.EqualTo(Enumerable.Range(0, 200)));
        Assert.That((summary.Recorded, summary.AlreadyPresent, ledger.Claims), Is.EqualTo((200, 0, 200)));
    }

    [Test]
    public void A_failing_job_stops_the_run_and_its_exception_comes_out()
    {
        var ledger = new FakeLedger { Throws = 2 };
        var e = Assert.Throws<InvalidOperationException>(() => ExperimentRunner.Run([0, 1, 2, 3, 4], ledger));
        Assert.That(e!.Message, Is.EqualTo("job 2 failed"));
        Assert.That(ledger.Executed, Is.EqualTo(new[] { 0, 1 }), "no job starts after the failure");
    }

    [Test]
    public void A_cancelled_run_starts_nothing_and_says_so()
    {
        var ledger = new FakeLedger();
        var summary = ExperimentRunner.Run([0, 1], ledger, cancellationToken: new CancellationToken(canceled: true));
        Assert.That((summary.Cancelled, ledger.Executed.Count), Is.EqualTo((true, 0)));
    }

    [Test]
    public void A_job_claim_is_exclusive_until_released()
    {
        string dir = Directory.CreateTempSubdirectory("latsym-claim-").FullName;
        try
        {
            using (var first = JobClaim.TryAcquire(dir, "field_seed1"))
            {
                Assert.That(first, Is.Not.Null);
                Assert.That(JobClaim.TryAcquire(dir, "field_seed1"), Is.Null, "held by the first");
                using var other = JobClaim.TryAcquire(dir, "field_seed2");
                Assert.That(other, Is.Not.Null, "another job's claim is free");
            }
            using var again = JobClaim.TryAcquire(dir, "field_seed1");
            Assert.That(again, Is.Not.Null, "released on dispose");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
