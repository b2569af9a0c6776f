// core/strategies/processes.cpp: 16 child processes, forked as the notebook's were, each running
// the sequential client on its share of the requests (100 split exactly: 7,7,7,7,6,…). Starting
// a process costs time and memory: the timeline's yellow "starting" spans.
for (int i = 0; i < workers; ++i)
    children.push_back(SpawnedProcess::startForked([&] { return serveWorker(job(shares[i], url), …); }));
