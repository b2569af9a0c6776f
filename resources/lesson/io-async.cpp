// core/strategies/async.cpp: like asyncio + aiohttp, one thread and one event loop
// (QEventLoop over epoll). Every request is a non-blocking QTcpSocket in flight at once, a
// small state machine driven by signals: connected -> write the request -> readyRead ->
// the reply is in. Nothing blocks but the loop, which sleeps until any socket is ready.
for (qint64 r = 0; r < requests; ++r)
    startRequest(r);                     // QTcpSocket::connectToHost returns at once
loop.exec();                             // until the last reply is in, or Stop
