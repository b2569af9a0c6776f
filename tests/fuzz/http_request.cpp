// The demo server's request parser, fed one connection's bytes (pipelined requests) in arbitrary
// pieces: it must never crash, take more than it was given, stall, or hold more than the head
// limit; every failure must carry a status and a reason; and it must read the stream the same way
// whatever the cut — checked against one feed of the whole stream.
#include "server/httprequest.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {

using State = cl::HttpRequestParser::State;

// Small limits, so that the fuzzer reaches them.
constexpr cl::HttpLimits kLimits{512, 4096};

struct Outcome {
    State state;
    int status;
    QByteArray method, target;
    qint64 length, bodyRemaining;
    bool keepAlive, expectContinue, started;
    bool operator==(const Outcome &) const = default;
};

void require(bool invariant)
{
    if (!invariant)
        std::abort();
}

Outcome outcomeOf(const cl::HttpRequestParser &p)
{
    const cl::HttpRequest &r = p.request();
    return {p.state(), p.errorStatus(), r.method, r.target, r.contentLength, p.bodyRemaining(), r.keepAlive, r.expectContinue, p.started()};
}

void checkStopped(const cl::HttpRequestParser &p)
{
    if (p.state() == State::Failed) {
        for (int status : {400, 413, 417, 431, 501, 505})
            if (p.errorStatus() == status)
                return require(!p.error().isEmpty());
        std::abort(); // a failure without one of the statuses the server knows
    }
    const cl::HttpRequest &r = p.request();
    require(!r.method.isEmpty() && !r.target.isEmpty());
    require(r.contentLength >= 0 && r.contentLength <= kLimits.maxBody && p.bodyRemaining() == 0);
}

// Parses `size` bytes in pieces of `piece` (0: all at once), request after request.
std::vector<Outcome> parseStream(const char *data, std::size_t size, std::size_t piece)
{
    cl::HttpRequestParser parser(kLimits);
    std::vector<Outcome> outcomes;
    for (std::size_t at = 0; at < size;) {
        const std::size_t n = piece ? std::min(piece, size - at) : size - at;
        const qsizetype used = parser.feed(data + at, qsizetype(n));
        require(used >= 0 && std::size_t(used) <= n);
        require(parser.bufferedBytes() <= kLimits.maxHead);
        at += std::size_t(used);
        const State state = parser.state();
        if (state == State::Head || state == State::Body) {
            require(std::size_t(used) == n); // an unfinished request takes all it is given
            continue;
        }
        checkStopped(parser);
        outcomes.push_back(outcomeOf(parser));
        if (state == State::Failed)
            return outcomes;
        parser.reset();
    }
    outcomes.push_back(outcomeOf(parser)); // the unfinished tail
    return outcomes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks how the stream is cut, as TCP cuts it.
    const std::size_t piece = 1 + data[0] % 64;
    const char *stream = reinterpret_cast<const char *>(data + 1);
    require(parseStream(stream, size - 1, piece) == parseStream(stream, size - 1, 0));
    return 0;
}
