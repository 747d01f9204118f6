namespace Warden.Tests.Concurrency;

/// <summary>What one child of a stress group does, generated up front from the seed (Random is not thread-safe).</summary>
internal sealed record StressPlan(StressAction Action, int Yields, int FailureId, FailureMode Mode, StartMode Start, int Limit, bool Handled, StressPlan[] Children)
{
    public static StressPlan Generate(Random random, int depth, ref int nextFailureId)
    {
        var count = depth == 0 ? (random.Next(10) == 0 ? random.Next(33, 70) : random.Next(1, 8)) : random.Next(0, 5);
        var children = new StressPlan[count];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var action = roll switch
            {
                < 35 => StressAction.Succeed,
                < 45 => StressAction.Fail,
                < 55 => StressAction.FailWhenCancelled,
                < 65 => StressAction.StopWhenCancelled,
                < 70 => StressAction.CancelGroup,
                < 72 => StressAction.CancelCaller,
                < 80 => StressAction.FailAwaitedByBody,
                _ => depth < 3 ? StressAction.Nested : StressAction.Succeed,
            };
            children[i] = action == StressAction.Nested
                ? Generate(random, depth + 1, ref nextFailureId) with { Action = StressAction.Nested }
                : new StressPlan(action, random.Next(0, 4), ++nextFailureId, FailureMode.FailFast, StartMode.Inline, 0, false, []);
        }

        var mode = random.Next(5) == 0 ? FailureMode.Supervisor : FailureMode.FailFast;
        return new StressPlan(
            StressAction.Nested,
            0,
            0,
            mode,
            random.Next(2) == 0 ? StartMode.Inline : StartMode.Queued,
            random.Next(3) == 0 ? random.Next(1, 4) : 0,
            mode == FailureMode.Supervisor && random.Next(2) == 0,
            children);
    }
}
