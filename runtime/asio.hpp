// The one header through which gilvm includes Boost.Asio.
//
// Boost 1.74's boost/asio/awaitable.hpp uses std::exchange without
// including <utility>, which g++ 12 in C++20 mode rejects; including it
// here first keeps that workaround in one place. Only runtime/ .cpp files
// include this header (never a header others include): Asio is slow to
// compile, so as few translation units as possible should pay for it.
#pragma once

#include <utility>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
