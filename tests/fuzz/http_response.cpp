// The client's HTTP response parser, fed in arbitrary pieces, then the end of the stream.
#include "workloads/http.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t piece = 1 + data[0] % 97;
    cl::HttpResponseParser parser;
    for (std::size_t at = 1; at < size; at += piece) {
        const std::size_t n = std::min(piece, size - at);
        if (parser.feed(reinterpret_cast<const char *>(data + at), n) != cl::HttpResponseParser::State::Incomplete)
            break;
    }
    const auto state = parser.endOfStream();
    if (state == cl::HttpResponseParser::State::Complete && parser.bodyBytes() < 0)
        std::abort();
    if (state == cl::HttpResponseParser::State::Failed && parser.error().isEmpty())
        std::abort(); // every failure says why
    return 0;
}
