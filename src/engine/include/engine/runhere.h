#pragma once

#include <QFuture>
#include <QPromise>
#include <utility>

// Runs a QPromise-based job function plainly on this thread, as Blocking mode does, and returns
// its result: the same function QtConcurrent runs on a worker in Async mode.
template<typename T, typename Work>
T runHere(Work &&work)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    std::forward<Work>(work)(promise);
    promise.finish();
    return future.result();
}
