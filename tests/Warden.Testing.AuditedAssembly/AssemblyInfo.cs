// Every test of this assembly is audited. A short settle keeps the deliberate leak from costing a second; tests
// run one at a time, as docs/testing.md asks of audits of process-wide Warden work.
[assembly: Warden.Testing.AuditLeaks(SettleMilliseconds = 200)]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
