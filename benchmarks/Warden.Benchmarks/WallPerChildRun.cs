using System.Diagnostics;
using System.Globalization;

namespace Warden.Benchmarks;

/// <summary>
/// A finer A/B tool than the BenchmarkDotNet class for one cost: wall time per asynchronous child, TaskGroup against
/// <c>Task.WhenAll</c>, in alternating rounds of one process, reporting the minimum and the median of the rounds.
/// </summary>
/// <remarks>
/// Two shapes. <c>threads</c> is the BenchmarkDotNet row: a non-pool thread spawns N children that each await
/// <c>Task.Yield()</c> once (so they complete on pool threads) and blocks until the group or WhenAll is done.
/// <c>inline</c> removes the thread pool: child i awaits its own gate and the spawning thread opens the gates in order,
/// so every child completes, and its owner hears of it, inline on one thread; what is left is the owner's own
/// instructions, free of cross-core traffic and pool wake-ups.
/// Both also time a control, the "countdown": one continuation per child, registered the moment it is spawned, that
/// only decrements a shared count and completes a task at zero. It cannot tell failure from success; it is the least
/// any owner pays to hear of each child as it completes through public APIs, which a group must do to cancel the
/// siblings on the first failure (WhenAll looks at its children only once, at the end).
/// </remarks>
public static class WallPerChildRun
{
    /// <summary>Runs the comparison and prints one Markdown row.</summary>
    /// <param name="children">Children per group.</param>
    /// <param name="rounds">Measured rounds of each design.</param>
    /// <param name="inline">The inline shape instead of the threads shape.</param>
    /// <returns>The exit code.</returns>
    public static int Run(int children, int rounds, bool inline)
    {
        var shape = inline ? new InlineShape(children) : (Shape)new ThreadsShape(children);
        var repetitions = Math.Max(1, (inline ? 2_000_000 : 400_000) / children);
        for (var i = 0; i < repetitions; i++)
        {
            shape.WhenAll();
            shape.Countdown();
            shape.Group();
        }

        var whenAll = new List<double>();
        var countdown = new List<double>();
        var group = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            whenAll.Add(Time(repetitions, children, shape.WhenAll));
            countdown.Add(Time(repetitions, children, shape.Countdown));
            group.Add(Time(repetitions, children, shape.Group));
        }

        whenAll.Sort();
        countdown.Sort();
        group.Sort();
        var median = rounds / 2;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {(inline ? "inline" : "threads")} | {children} | {whenAll[0]:F1} / {whenAll[median]:F1} ns | {countdown[0]:F1} / {countdown[median]:F1} ns ({countdown[0] / whenAll[0]:F2}x / {countdown[median] / whenAll[median]:F2}x) | {group[0]:F1} / {group[median]:F1} ns ({group[0] / whenAll[0]:F2}x / {group[median] / whenAll[median]:F2}x) |"));
        return 0;
    }

    private static double Time(int repetitions, int children, Action once)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
        {
            once();
        }

        return clock.Elapsed.TotalNanoseconds / repetitions / children;
    }

    /// <summary>One way of producing and completing the children.</summary>
    private abstract class Shape
    {
        public abstract void WhenAll();

        public abstract void Countdown();

        public abstract void Group();
    }

    /// <summary>Children resume on the thread pool; the spawning thread blocks for the result, as BenchmarkDotNet does.</summary>
    private sealed class ThreadsShape(int children) : Shape
    {
        private readonly Func<ITaskGroup, CancellationToken, Task> _body = (group, _) =>
        {
            for (var i = 0; i < children; i++)
            {
                group.Spawn(Children.Async);
            }

            return Task.CompletedTask;
        };

#pragma warning disable WD205 // Deliberate: the measured thread waits like BenchmarkDotNet's, off the pool the children use.
        public override void WhenAll()
        {
            var tasks = new Task[children];
            for (var i = 0; i < tasks.Length; i++)
            {
                tasks[i] = Children.Async(CancellationToken.None);
            }

            Task.WhenAll(tasks).GetAwaiter().GetResult();
        }

        public override void Countdown()
        {
            var countdown = new ChildCountdown(children);
            for (var i = 0; i < children; i++)
            {
                countdown.Watch(Children.Async(CancellationToken.None));
            }

            countdown.Task.GetAwaiter().GetResult();
        }

        public override void Group() => TaskGroup.RunAsync(_body).GetAwaiter().GetResult();
#pragma warning restore WD205
    }

    /// <summary>Child i awaits gate i; the spawning thread opens them in order, so everything completes inline.</summary>
    private sealed class InlineShape : Shape
    {
        private readonly TaskCompletionSource[] _gates;
        private readonly Func<CancellationToken, Task> _child;
        private readonly Func<ITaskGroup, CancellationToken, Task> _body;
        private int _next;

        public InlineShape(int children)
        {
            _gates = new TaskCompletionSource[children];
            _child = _ => Benchmarks.Children.AwaitGateAsync(_gates[_next++].Task);
            _body = (group, _) =>
            {
                for (var i = 0; i < _gates.Length; i++)
                {
                    group.Spawn(_child);
                }

                OpenGates();
                return Task.CompletedTask;
            };
        }

        public override void WhenAll()
        {
            NewGates();
            var tasks = new Task[_gates.Length];
            for (var i = 0; i < tasks.Length; i++)
            {
                tasks[i] = _child(CancellationToken.None);
            }

            var all = Task.WhenAll(tasks);
            OpenGates();
            Completed(all);
        }

        public override void Countdown()
        {
            NewGates();
            var countdown = new ChildCountdown(_gates.Length);
            for (var i = 0; i < _gates.Length; i++)
            {
                countdown.Watch(_child(CancellationToken.None));
            }

            OpenGates();
            Completed(countdown.Task);
        }

        public override void Group()
        {
            NewGates();
            Completed(TaskGroup.RunAsync(_body));
        }

        private static void Completed(Task task)
        {
            if (!task.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException($"Expected every child to complete inline, found {task.Status}.");
            }
        }

        private void NewGates()
        {
            for (var i = 0; i < _gates.Length; i++)
            {
                _gates[i] = new TaskCompletionSource();
            }

            _next = 0;
        }

        private void OpenGates()
        {
            foreach (var gate in _gates)
            {
                gate.SetResult();
            }
        }
    }
}
