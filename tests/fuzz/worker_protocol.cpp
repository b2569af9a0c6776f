// The line protocol a child worker speaks on stdout, fed in arbitrary pieces: the parent must
// never crash, and a report must stay self-consistent whatever a child writes.
#include "child/workerprotocol.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks how the stream is cut, as pipes cut it.
    const std::size_t piece = 1 + data[0] % 64;
    cl::WorkerLineParser parser;
    cl::ChildReport report;
    for (std::size_t at = 1; at < size; at += piece) {
        const std::size_t n = std::min(piece, size - at);
        parser.feed(QByteArray(reinterpret_cast<const char *>(data + at), qsizetype(n)), report);
    }
    parser.finish(report);
    for (const auto &span : report.tally.spans)
        if (span.t1 < span.t0)
            std::abort(); // a span that ends before it starts must have been refused
    if (report.progress < 0 && report.progress != 0)
        std::abort();
    return 0;
}
