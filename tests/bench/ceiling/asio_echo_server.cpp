// The ceiling for the asyncio echo rows (issue 12): a plain Boost.Asio echo
// server in C++, one thread, one io_context, no interpreter. It listens on
// 127.0.0.1 at a port the kernel picks, prints that port on stdout, and
// echoes every connection until standard input closes. run_ceiling.py
// drives it with the same python3 load generator the bench_asyncio_echo_*
// rows use, so the figure is what that client can reach when the server
// costs next to nothing.
#include <array>
#include <cstdio>
#include <functional>
#include <memory>
#include <utility>  // before Asio: its awaitable.hpp uses std::exchange without it
#include <unistd.h>

#include <boost/asio.hpp>

namespace {

using boost::asio::ip::tcp;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  explicit Connection(tcp::socket socket) : socket_(std::move(socket)) {}

  void start() { read(); }

 private:
  void read() {
    auto self = shared_from_this();
    socket_.async_read_some(boost::asio::buffer(buffer_), [self](boost::system::error_code error, size_t n) {
      if (!error) self->write(n);
    });
  }

  void write(size_t n) {
    auto self = shared_from_this();
    boost::asio::async_write(socket_, boost::asio::buffer(buffer_, n),
                             [self](boost::system::error_code error, size_t) {
                               if (!error) self->read();
                             });
  }

  tcp::socket socket_;
  std::array<char, 65536> buffer_{};
};

void accept_next(tcp::acceptor& acceptor) {
  acceptor.async_accept([&acceptor](boost::system::error_code error, tcp::socket socket) {
    if (!error) {
      socket.set_option(tcp::no_delay(true));
      std::make_shared<Connection>(std::move(socket))->start();
    }
    accept_next(acceptor);
  });
}

}  // namespace

int main() {
  boost::asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  std::printf("%d\n", static_cast<int>(acceptor.local_endpoint().port()));
  std::fflush(stdout);
  accept_next(acceptor);
  // Ends when standard input closes.
  boost::asio::posix::stream_descriptor input(io, ::dup(0));
  std::array<char, 64> sink{};
  std::function<void()> watch_input = [&] {
    input.async_read_some(boost::asio::buffer(sink), [&](boost::system::error_code error, size_t) {
      if (error) io.stop();
      else watch_input();
    });
  };
  watch_input();
  io.run();
  return 0;
}
