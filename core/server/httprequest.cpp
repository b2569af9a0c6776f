#include "server/httprequest.h"

#include <cstring>
#include <limits>
#include <optional>

namespace cl {

namespace {

bool isTokenChar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool isTargetChar(char c)
{
    return c > 0x20 && c < 0x7f; // visible ASCII: no spaces, controls or raw non-ASCII bytes
}

bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f); // controls (NUL, bare CR, ...) are refused
}

template <typename Pred> bool all(QByteArrayView s, Pred pred)
{
    for (char c : s)
        if (!pred(c))
            return false;
    return true;
}

// Takes the next line off `rest`: without its LF, and without the CR of a CRLF.
QByteArrayView takeLine(QByteArrayView &rest)
{
    const qsizetype lf = rest.indexOf('\n');
    QByteArrayView line = lf < 0 ? rest : rest.first(lf);
    rest = lf < 0 ? QByteArrayView() : rest.sliced(lf + 1);
    return line.endsWith('\r') ? line.chopped(1) : line;
}

bool equalsNoCase(QByteArrayView a, const char *b)
{
    return a.compare(QByteArrayView(b), Qt::CaseInsensitive) == 0;
}

// Digits only; saturates at the largest qint64 (far beyond any limit) instead of overflowing.
std::optional<qint64> parseDigits(QByteArrayView s)
{
    if (s.isEmpty())
        return std::nullopt;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    qint64 value = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        value = value > (kMax - digit) / 10 ? kMax : value * 10 + digit;
    }
    return value;
}

// Calls f on each comma-separated element, trimmed.
template <typename F> void forEachElement(QByteArrayView list, F f)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        f((comma < 0 ? list : list.first(comma)).trimmed());
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
    }
}

} // namespace

qsizetype HttpRequestParser::feed(const char *data, qsizetype size)
{
    qsizetype used = 0;
    if (state_ == State::Head)
        used += feedHead(data, size);
    if (state_ == State::Body)
        used += feedBody(size - used);
    return used;
}

void HttpRequestParser::reset()
{
    *this = HttpRequestParser(limits_);
}

qsizetype HttpRequestParser::feedHead(const char *data, qsizetype size)
{
    qsizetype used = 0;
    while (used < size && state_ == State::Head) {
        const char *from = data + used;
        const auto *lf = static_cast<const char *>(std::memchr(from, '\n', std::size_t(size - used)));
        const qsizetype take = lf ? lf - from + 1 : size - used;
        const qsizetype room = limits_.maxHead - head_.size();
        // Byte by byte, whatever the cut: the first one past the limit gets 431, a NUL within it
        // 400 at once (it is never valid in a head: binary junk need not wait for a timeout).
        if (const void *nul = std::memchr(from, '\0', std::size_t(std::min(take, room)))) {
            fail(400, "NUL byte in the request head");
            return used + (static_cast<const char *>(nul) - from) + 1;
        }
        if (take > room) {
            fail(431, "request head too large");
            return used + room;
        }
        head_.append(from, take);
        used += take;
        if (lf && lineEnded())
            parseHead();
    }
    return used;
}

// A line just ended: true when it is the blank line that ends the head.
bool HttpRequestParser::lineEnded()
{
    const qsizetype length = head_.size() - lineStart_;
    lineStart_ = head_.size();
    const bool blank = length == 1 || (length == 2 && head_.at(head_.size() - 2) == '\r');
    if (!blank)
        sawRequestLine_ = true;
    return blank && sawRequestLine_;
}

qsizetype HttpRequestParser::feedBody(qsizetype size)
{
    const qsizetype take = qsizetype(std::min<qint64>(size, bodyLeft_));
    bodyLeft_ -= take;
    if (bodyLeft_ == 0)
        state_ = State::Complete;
    return take;
}

void HttpRequestParser::parseHead()
{
    QByteArrayView rest(head_);
    QByteArrayView line = takeLine(rest);
    while (line.isEmpty() && !rest.isEmpty()) // empty lines before the request line are skipped (RFC 9112 §2.2)
        line = takeLine(rest);
    if (!parseRequestLine(line))
        return;
    while (!(line = takeLine(rest)).isEmpty())
        if (!parseField(line))
            return;
    finishHead();
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp2 < 0)
        return fail(400, "malformed request line");
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    if (!isToken(method))
        return fail(400, "malformed method");
    if (target.isEmpty() || !all(target, isTargetChar))
        return fail(400, "malformed request target");
    if (!parseVersion(line.sliced(sp2 + 1)))
        return false;
    request_.method = method.toByteArray();
    request_.target = target.toByteArray();
    return true;
}

bool HttpRequestParser::parseVersion(QByteArrayView version)
{
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (version.size() != 8 || !version.startsWith("HTTP/") || !isDigit(version[5]) || version[6] != '.' || !isDigit(version[7]))
        return fail(400, "malformed HTTP version");
    if (version[5] != '1')
        return fail(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    request_.minorVersion = version[7] == '0' ? 0 : 1; // a later 1.x is answered as 1.1
    return true;
}

bool HttpRequestParser::parseField(QByteArrayView line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, "obsolete line folding");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(400, "malformed header field");
    const QByteArrayView name = line.first(colon);
    const QByteArrayView raw = line.sliced(colon + 1);
    if (!all(raw, isFieldValueChar))
        return fail(400, "control character in a header field");
    const QByteArrayView value = raw.trimmed();
    if (equalsNoCase(name, "content-length"))
        return parseContentLength(value);
    if (equalsNoCase(name, "expect"))
        return parseExpect(value);
    if (equalsNoCase(name, "transfer-encoding"))
        transferEncoding_ = true;
    else if (equalsNoCase(name, "connection"))
        readConnection(value);
    return true;
}

// Digits only, as nginx does (not even the list "5, 5" RFC 9110 tolerates); a repeated field must agree.
bool HttpRequestParser::parseContentLength(QByteArrayView value)
{
    const auto length = parseDigits(value);
    if (!length || (lengthSeen_ && *length != request_.contentLength))
        return fail(400, "invalid or conflicting Content-Length");
    request_.contentLength = *length;
    lengthSeen_ = true;
    return true;
}

void HttpRequestParser::readConnection(QByteArrayView value)
{
    forEachElement(value, [this](QByteArrayView token) {
        closeToken_ = closeToken_ || equalsNoCase(token, "close");
        keepAliveToken_ = keepAliveToken_ || equalsNoCase(token, "keep-alive");
    });
}

bool HttpRequestParser::parseExpect(QByteArrayView value)
{
    if (request_.minorVersion == 0)
        return true; // HTTP/1.0 has no expectations (RFC 9110 §10.1.1)
    if (!equalsNoCase(value, "100-continue"))
        return fail(417, "only 100-continue can be expected");
    request_.expectContinue = true;
    return true;
}

void HttpRequestParser::finishHead()
{
    if (transferEncoding_) {
        fail(501, "Transfer-Encoding is not supported; send Content-Length");
        return;
    }
    if (request_.contentLength > limits_.maxBody) {
        fail(413, "request body too large");
        return;
    }
    request_.keepAlive = !closeToken_ && (request_.minorVersion >= 1 || keepAliveToken_);
    bodyLeft_ = request_.contentLength;
    state_ = bodyLeft_ > 0 ? State::Body : State::Complete;
    head_ = QByteArray(); // a parsed head holds no memory while the body streams or a reply waits
    lineStart_ = 0;
}

bool HttpRequestParser::fail(int status, const char *why)
{
    state_ = State::Failed;
    status_ = status;
    error_ = why;
    return false;
}

} // namespace cl
