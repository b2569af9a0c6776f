// core/strategies/processes.cpp + core/child: like multiprocessing.Process with "spawn". Each
// worker is this program again, started with posix_spawn, with a GIL of its own.
for (int i = 0; i < workers; ++i)
    children.push_back(SpawnedProcess::start(app, {"worker", "cpu", "--steps", shares[i]}));
// Each child writes one line to its pipe when it is done ("done <items> <errors> <peak> …");
// the parent reaps it with waitpid, and on Stop kills and reaps every child at once.
