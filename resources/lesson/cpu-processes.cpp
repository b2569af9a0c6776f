// core/strategies/processes.cpp + core/child: like multiprocessing.Process with "fork", as the
// notebook's Python 3.5 on macOS started its children. Each worker is a copy of this program
// made with fork(), with a GIL of its own; it only counts and reports.
for (int i = 0; i < workers; ++i)
    children.push_back(SpawnedProcess::startForked([&] { return serveWorker(job(shares[i]), …); }));
// Each child writes one line to its pipe when it is done ("done <items> <errors> <peak> …");
// the parent reaps it with waitpid, and on Stop kills and reaps every child at once.
// --start-method spawn runs this program again with posix_spawn instead, forkserver asks a
// small server process to fork it.
