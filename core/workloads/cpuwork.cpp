#include "workloads/cpuwork.h"

#include "workloads/worker.h"

#include <algorithm>
#include <array>

namespace cl {

namespace {

enum Op : std::uint8_t { ForIter, StoreI, LoadCount, LoadConst, InplaceAdd, StoreCount, JumpAbsolute };
constexpr std::array<Op, kOpsPerStep> kLoopBody{ForIter, StoreI, LoadCount, LoadConst, InplaceAdd, StoreCount, JumpAbsolute};

inline std::uint64_t bookkeeping(std::uint64_t h)
{
    for (int r = 0; r < kRoundsPerOp; ++r) {
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ULL;
        asm volatile("" : "+r"(h)); // one opaque dependent chain: cannot be folded or skipped
    }
    return h;
}

struct Frame {
    std::int64_t count = 0, i = 0, next = 0;
    std::int64_t stack[2] = {0, 0};
    int sp = 0;
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
};

inline void step(Frame &f)
{
    for (Op op : kLoopBody) {
        switch (op) {
        case ForIter:
            f.stack[f.sp++] = f.next++;
            break;
        case StoreI:
            f.i = f.stack[--f.sp];
            break;
        case LoadCount:
            f.stack[f.sp++] = f.count;
            break;
        case LoadConst:
            f.stack[f.sp++] = 1;
            break;
        case InplaceAdd:
            --f.sp;
            f.stack[f.sp - 1] += f.stack[f.sp];
            break;
        case StoreCount:
            f.count = f.stack[--f.sp];
            break;
        case JumpAbsolute:
            break;
        }
        f.h = bookkeeping(f.h ^ std::uint64_t(op));
        asm volatile("" : "+r"(f.count));
    }
}

constexpr std::int64_t kChunk = 1024; // steps between looks at the stop token
constexpr std::int64_t kProgressEvery = 64; // chunks between progress reports

} // namespace

std::int64_t interpretSteps(std::int64_t steps)
{
    Frame f;
    for (std::int64_t s = 0; s < steps; ++s)
        step(f);
    return f.count;
}

std::int64_t cpuWorker(std::int64_t steps, CpuWorkerContext &ctx)
{
    Frame f;
    if (!takeGil(ctx.gil, ctx.who, ctx.spans, ctx.stop))
        return 0;
    ctx.spans.enter(WorkerState::Running);
    std::int64_t reported = 0, chunks = 0;
    for (std::int64_t done = 0; done < steps && !ctx.stop.stop_requested();) {
        const std::int64_t end = std::min(steps, done + kChunk);
        for (; done < end; ++done) {
            step(f);
            if (ctx.gil.dropRequested()) [[unlikely]] {
                ctx.spans.enter(WorkerState::WaitGil);
                ctx.gil.release(ctx.who, ctx.stop); // waits until another thread took it
                if (!ctx.gil.acquire(ctx.who, ctx.stop))
                    return f.count;
                ctx.spans.enter(WorkerState::Running);
            }
        }
        if (ctx.progress && (++chunks % kProgressEvery == 0 || done == steps)) {
            ctx.progress(f.count - reported);
            reported = f.count;
        }
    }
    ctx.spans.finish();
    ctx.gil.release(ctx.who, ctx.stop);
    return f.count;
}

} // namespace cl
