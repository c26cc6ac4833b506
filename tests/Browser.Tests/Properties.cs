// One Chromium and one local host per test class; run the classes one after another so two cores are not shared by
// several browsers and hosts at once (each class's flow waits on the host's background work).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
