// One accepted TCP connection on its non-blocking descriptor, for a server that needs what
// QTcpSocket hides: reading only when the caller is ready for more (backpressure: unread bytes wait
// in the kernel, and TCP slows the sender), noticing the peer's half-close without dropping what is
// still to be sent (QTcpSocket closes the whole connection on it), and a write queue the caller
// can bound. Level-triggered: while reading is on and bytes wait, onReadable keeps being called.
#pragma once

#include <QByteArray>
#include <QSocketNotifier>

#include <functional>

namespace cl {

class SocketChannel {
public:
    explicit SocketChannel(int fd); // takes ownership; sets O_NONBLOCK and TCP_NODELAY
    ~SocketChannel();
    SocketChannel(const SocketChannel &) = delete;
    SocketChannel &operator=(const SocketChannel &) = delete;

    // Callbacks run on `context`'s thread; reading starts on, writing is watched only when needed.
    void watch(QObject *context, std::function<void()> onReadable, std::function<void()> onWritable);

    // Up to `max` bytes into `buffer`; 0 when none are waiting, the peer has closed its side
    // (peerClosed()) or the connection failed (failed()).
    qsizetype read(char *buffer, qsizetype max);
    void setReading(bool on);

    void queue(const QByteArray &bytes); // sent by the next flush()
    qsizetype flush(); // writes what the kernel takes now (returns it), watches for the rest
    qsizetype pending() const { return out_.size() - sent_; }

    bool peerClosed() const { return peerClosed_; }
    bool failed() const { return failed_; }
    void close(); // at once: stops notifications and closes the descriptor

private:
    int fd_;
    QSocketNotifier readable_;
    QSocketNotifier writable_;
    QByteArray out_;
    qsizetype sent_ = 0; // bytes of out_ already written
    bool peerClosed_ = false;
    bool failed_ = false;
};

} // namespace cl
