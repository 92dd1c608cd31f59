// Hangfire keeps its storage in a process-wide static (JobStorage.Current) while a host configures itself, so two Hosts
// built at the same moment in one test process can end up sharing the wrong storage. Host tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
