namespace Warden.Tests.Concurrency;

internal enum StressAction
{
    Succeed,
    Fail,
    FailWhenCancelled,
    StopWhenCancelled,
    CancelGroup,
    CancelCaller,
    FailAwaitedByBody,
    Nested,
}
