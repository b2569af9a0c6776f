#include "server/socketchannel.h"

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cl {

namespace {

bool transient(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

} // namespace

SocketChannel::SocketChannel(int fd) : fd_(fd), readable_(fd, QSocketNotifier::Read), writable_(fd, QSocketNotifier::Write)
{
    writable_.setEnabled(false);
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    const int on = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on); // each reply leaves in one segment
}

SocketChannel::~SocketChannel()
{
    close();
}

void SocketChannel::watch(QObject *context, std::function<void()> onReadable, std::function<void()> onWritable)
{
    QObject::connect(&readable_, &QSocketNotifier::activated, context, std::move(onReadable));
    QObject::connect(&writable_, &QSocketNotifier::activated, context, std::move(onWritable));
}

qsizetype SocketChannel::read(char *buffer, qsizetype max)
{
    if (fd_ < 0 || peerClosed_ || failed_)
        return 0;
    const ssize_t n = ::recv(fd_, buffer, std::size_t(max), 0);
    if (n > 0)
        return n;
    if (n == 0)
        peerClosed_ = true;
    else if (!transient(errno))
        failed_ = true;
    return 0;
}

void SocketChannel::setReading(bool on)
{
    if (fd_ >= 0 && readable_.isEnabled() != on)
        readable_.setEnabled(on);
}

void SocketChannel::queue(const QByteArray &bytes)
{
    if (sent_ > 0) { // drop what is gone before growing
        out_.remove(0, sent_);
        sent_ = 0;
    }
    out_.append(bytes);
}

qsizetype SocketChannel::flush()
{
    const qsizetype before = pending();
    while (fd_ >= 0 && !failed_ && pending() > 0) {
        const ssize_t n = ::send(fd_, out_.constData() + sent_, std::size_t(pending()), MSG_NOSIGNAL);
        if (n > 0)
            sent_ += n;
        else if (n < 0 && errno == EINTR)
            continue;
        else if (n < 0 && transient(errno))
            break;
        else
            failed_ = true;
    }
    if (pending() == 0) {
        out_.clear();
        sent_ = 0;
    }
    if (fd_ >= 0 && writable_.isEnabled() != (pending() > 0 && !failed_))
        writable_.setEnabled(pending() > 0 && !failed_);
    return before - pending();
}

void SocketChannel::close()
{
    if (fd_ < 0)
        return;
    readable_.setEnabled(false);
    writable_.setEnabled(false);
    ::close(fd_);
    fd_ = -1;
}

} // namespace cl
