// core/workloads/cpuwork.cpp: the counting loop, run the way CPython runs it. Each step
// executes the bytecode of `count += 1` (FOR_ITER, STORE_FAST i, LOAD_FAST count, LOAD_CONST 1,
// INPLACE_ADD, STORE_FAST count, JUMP_ABSOLUTE) on a small value stack, and hands the GIL over
// between steps, never inside one, as CPython 3.10+ does.
gil.acquire(who, stop);                  // a thread must hold the GIL to run Python code
for (qint64 done = 0; done < steps; ++done) {
    step(frame);                         // one iteration of the loop body
    if (gil.dropRequested()) {           // another thread has waited a switch interval (5 ms)
        gil.release(who, stop);          // let it run…
        gil.acquire(who, stop);          // …and queue to take the GIL back
    }
}
gil.release(who, stop);
