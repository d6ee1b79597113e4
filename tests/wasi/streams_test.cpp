// Standard streams, poll_oneoff and sockets.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>

#include <chrono>

#include "wasi_fixture.hpp"

namespace weft::wasi::test {
namespace {

class Streams : public WasiTest {
 protected:
  void TearDown() override {
    WasiTest::TearDown();
    for (int fd : host_fds_) ::close(fd);
  }
  std::array<int, 2> pipe() {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    host_fds_.push_back(fds[0]);
    host_fds_.push_back(fds[1]);
    return {fds[0], fds[1]};
  }
  // Writes one subscription at `at`: a clock (tag 0) or an fd_read/fd_write (tag 1/2).
  void clock_sub(uint32_t at, uint64_t userdata, uint32_t clock, uint64_t timeout, uint16_t flags) {
    set_u64(at, userdata);
    mem()[at + 8] = 0;
    set_u32(at + 16, clock);
    set_u64(at + 24, timeout);
    set_u64(at + 32, 0);
    std::memcpy(mem().data() + at + 40, &flags, 2);
  }
  void fd_sub(uint32_t at, uint64_t userdata, uint8_t tag, uint32_t fd) {
    set_u64(at, userdata);
    mem()[at + 8] = tag;
    set_u32(at + 16, fd);
  }
  std::vector<int> host_fds_;
};

uint64_t monotonic_ns() {
  timespec ts;
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

TEST_F(Streams, StdioGoesToTheGivenDescriptors) {
  auto in = pipe(), out = pipe(), err = pipe();
  ASSERT_EQ(::write(in[1], "input", 5), 5);
  start(WasiConfig().stdin_fd(in[0]).stdout_fd(out[1]).stderr_fd(err[1]), false);
  EXPECT_EQ(read(0, 64), "input");
  // Two buffers in one fd_write are written in order.
  const uint32_t vecs = alloc(16), a = put("out"), b = put("put");
  set_u32(vecs, a);
  set_u32(vecs + 4, 3);
  set_u32(vecs + 8, b);
  set_u32(vecs + 12, 3);
  const uint32_t n = alloc(4);
  ASSERT_EQ(call("fd_write", {1, vecs, 2, n}), kSuccess);
  EXPECT_EQ(u32_at(n), 6u);
  ASSERT_EQ(write(2, "err"), kSuccess);
  char buf[16] = {};
  EXPECT_EQ(::read(out[0], buf, sizeof(buf)), 6);
  EXPECT_STREQ(buf, "output");
  EXPECT_EQ(::read(err[0], buf, sizeof(buf)), 3);
  const uint32_t stat = alloc(24);
  ASSERT_EQ(call("fd_fdstat_get", {1, stat}), kSuccess);
  EXPECT_EQ(mem()[stat], 0);  // a pipe: unknown type
  EXPECT_EQ(call("fd_seek", {1, 0, 0, alloc(8)}), 70 /* ESPIPE */);
  EXPECT_EQ(call("fd_tell", {1, alloc(8)}), 70 /* ESPIPE */);
  EXPECT_EQ(call("fd_write", {1, vecs, 0, n}), kSuccess);
  EXPECT_EQ(u32_at(n), 0u);
  EXPECT_EQ(call("fd_fdstat_get", {3, stat}), kBadf);
}

TEST_F(Streams, UnsetStdioReadsEmptyAndDiscardsWrites) {
  start(WasiConfig(), false);
  EXPECT_EQ(read(0, 16), "");
  EXPECT_EQ(write(1, "dropped"), kSuccess);
  const uint32_t stat = alloc(24);
  ASSERT_EQ(call("fd_fdstat_get", {0, stat}), kSuccess);
  EXPECT_EQ(mem()[stat], 2);                                        // /dev/null: a character device
  EXPECT_EQ(u64_at(stat + 8) & (kRightFdSeek | kRightFdTell), 0u);  // so it reads as a tty
}

TEST_F(Streams, PollSleepsForARelativeClock) {
  start();
  const uint32_t subs = alloc(48), events = alloc(32), n = alloc(4);
  clock_sub(subs, 77, 1, 20000000, 0);  // 20 ms
  const uint64_t before = monotonic_ns();
  ASSERT_EQ(call("poll_oneoff", {subs, events, 1, n}), kSuccess);
  EXPECT_GE(monotonic_ns() - before, 20000000u);
  ASSERT_EQ(u32_at(n), 1u);
  EXPECT_EQ(u64_at(events), 77u);
  EXPECT_EQ(u16_at(events + 8), 0u);
  EXPECT_EQ(mem()[events + 10], 0);
}

TEST_F(Streams, PollWaitsForAnAbsoluteDeadline) {
  start();
  const uint32_t subs = alloc(96), events = alloc(64), n = alloc(4), now = alloc(8);
  ASSERT_EQ(call("clock_time_get", {0, 0, now}), kSuccess);
  clock_sub(subs, 1, 0, u64_at(now) + 15000000, 1);  // realtime, absolute, in 15 ms
  clock_sub(subs + 48, 2, 1, 5000000000ull, 0);      // monotonic, 5 s: not reached
  const uint64_t before = monotonic_ns();
  ASSERT_EQ(call("poll_oneoff", {subs, events, 2, n}), kSuccess);
  const uint64_t took = monotonic_ns() - before;
  EXPECT_GE(took, 10000000u);
  EXPECT_LT(took, 2000000000u);
  ASSERT_EQ(u32_at(n), 1u);
  EXPECT_EQ(u64_at(events), 1u);
  // A deadline in the past fires at once.
  clock_sub(subs, 3, 1, 1, 1);
  ASSERT_EQ(call("poll_oneoff", {subs, events, 1, n}), kSuccess);
  EXPECT_EQ(u32_at(n), 1u);
  EXPECT_EQ(u64_at(events), 3u);
}

TEST_F(Streams, PollReportsReadableAndWritableDescriptors) {
  auto in = pipe(), out = pipe();
  start(WasiConfig().stdin_fd(in[0]).stdout_fd(out[1]), false);
  const uint32_t subs = alloc(3 * 48), events = alloc(3 * 32), n = alloc(4);
  // Nothing to read yet: only stdout (writable) is ready.
  fd_sub(subs, 10, 1, 0);
  fd_sub(subs + 48, 11, 2, 1);
  ASSERT_EQ(call("poll_oneoff", {subs, events, 2, n}), kSuccess);
  ASSERT_EQ(u32_at(n), 1u);
  EXPECT_EQ(u64_at(events), 11u);
  EXPECT_EQ(mem()[events + 10], 2);
  // Data arrives: stdin is readable with its byte count.
  ASSERT_EQ(::write(in[1], "12345", 5), 5);
  fd_sub(subs, 10, 1, 0);
  clock_sub(subs + 48, 12, 1, 10000000000ull, 0);
  ASSERT_EQ(call("poll_oneoff", {subs, events, 2, n}), kSuccess);
  ASSERT_EQ(u32_at(n), 1u);
  EXPECT_EQ(u64_at(events), 10u);
  EXPECT_EQ(mem()[events + 10], 1);
  EXPECT_EQ(u64_at(events + 16), 5u);
  // The writer goes away after the data is read: hang-up.
  EXPECT_EQ(read(0, 16), "12345");
  ::close(in[1]);
  host_fds_.erase(std::find(host_fds_.begin(), host_fds_.end(), in[1]));
  ASSERT_EQ(call("poll_oneoff", {subs, events, 1, n}), kSuccess);
  ASSERT_EQ(u32_at(n), 1u);
  EXPECT_EQ(u16_at(events + 24), 1u);
  // A bad descriptor is an event with an error, not a failed call; no subscriptions is EINVAL.
  fd_sub(subs, 13, 1, 42);
  ASSERT_EQ(call("poll_oneoff", {subs, events, 1, n}), kSuccess);
  ASSERT_EQ(u32_at(n), 1u);
  EXPECT_EQ(u16_at(events + 8), kBadf);
  EXPECT_EQ(call("poll_oneoff", {subs, events, 0, n}), kInval);
  mem()[subs + 8] = 9;
  EXPECT_EQ(call("poll_oneoff", {subs, events, 1, n}), kInval);
}

TEST_F(Streams, SocketsSendReceiveAndShutDown) {
  int pair[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
  host_fds_.push_back(pair[0]);
  host_fds_.push_back(pair[1]);
  start(WasiConfig().preopen_socket(pair[0]));  // fd 3: the root; fd 4: the socket
  const uint32_t stat = alloc(24);
  ASSERT_EQ(call("fd_fdstat_get", {4, stat}), kSuccess);
  EXPECT_EQ(mem()[stat], 6);  // socket_stream
  EXPECT_EQ(call("fd_prestat_get", {4, alloc(8)}), kBadf);

  const uint32_t len = alloc(4), flags = alloc(4);
  ASSERT_EQ(call("sock_send", {4, iovec("ping"), 1, 0, len}), kSuccess);
  EXPECT_EQ(u32_at(len), 4u);
  char buf[16] = {};
  EXPECT_EQ(::read(pair[1], buf, sizeof(buf)), 4);
  EXPECT_STREQ(buf, "ping");
  EXPECT_EQ(call("sock_send", {4, iovec("x"), 1, 1, len}), kInval);

  ASSERT_EQ(::write(pair[1], "pong", 4), 4);
  const uint32_t in = iovec("", 16);
  ASSERT_EQ(call("sock_recv", {4, in, 1, 1 /* peek */, len, flags}), kSuccess);
  EXPECT_EQ(u32_at(len), 4u);
  ASSERT_EQ(call("sock_recv", {4, in, 1, 0, len, flags}), kSuccess);
  EXPECT_EQ(str_at(u32_at(in), u32_at(len)), "pong");
  EXPECT_EQ(u16_at(flags), 0u);
  EXPECT_EQ(call("sock_recv", {4, in, 1, 4, len, flags}), kInval);

  EXPECT_EQ(call("sock_shutdown", {4, 0}), kInval);
  ASSERT_EQ(call("sock_shutdown", {4, 2}), kSuccess);
  EXPECT_EQ(::read(pair[1], buf, sizeof(buf)), 0);  // end of stream
  EXPECT_EQ(call("sock_shutdown", {3, 3}), kNotcapable);
  EXPECT_EQ(call("sock_accept", {3, 0, alloc(4)}), kNotcapable);
}

TEST_F(Streams, WritingToAClosedSocketIsEpipeNotASignal) {
  int pair[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
  host_fds_.push_back(pair[0]);
  start(WasiConfig().preopen_socket(pair[0]), false);  // fd 3
  ::close(pair[1]);
  EXPECT_EQ(write(3, "lost"), 64 /* EPIPE */);
  EXPECT_EQ(call("sock_send", {3, iovec("lost"), 1, 0, alloc(4)}), 64);
}

TEST_F(Streams, SockAcceptTakesAConnection) {
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  host_fds_.push_back(listener);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(::listen(listener, 1), 0);
  socklen_t addr_len = sizeof(addr);
  ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &addr_len), 0);
  start(WasiConfig().preopen_socket(listener), false);  // fd 3

  // Nothing pending: a non-blocking listener says EAGAIN.
  ASSERT_EQ(call("fd_fdstat_set_flags", {3, 4}), kSuccess);
  const uint32_t fd = alloc(4);
  EXPECT_EQ(call("sock_accept", {3, 0, fd}), 6 /* EAGAIN */);

  const int client = ::socket(AF_INET, SOCK_STREAM, 0);
  host_fds_.push_back(client);
  ASSERT_EQ(::connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  const uint32_t subs = alloc(48), events = alloc(32), n = alloc(4);
  fd_sub(subs, 1, 1, 3);
  ASSERT_EQ(call("poll_oneoff", {subs, events, 1, n}), kSuccess);
  ASSERT_EQ(u32_at(n), 1u);
  EXPECT_EQ(call("sock_accept", {3, 2, fd}), kInval);
  ASSERT_EQ(call("sock_accept", {3, 4, fd}), kSuccess);
  const uint32_t conn = u32_at(fd);
  EXPECT_EQ(conn, 4u);
  ASSERT_EQ(::write(client, "hi", 2), 2);
  const uint32_t in = iovec("", 8), len = alloc(4);
  ASSERT_EQ(call("sock_recv", {conn, in, 1, 2 /* waitall */, len, alloc(4)}), kSuccess);
  EXPECT_EQ(str_at(u32_at(in), u32_at(len)), "hi");
  ASSERT_EQ(write(conn, "back"), kSuccess);
  char buf[8] = {};
  EXPECT_EQ(::read(client, buf, sizeof(buf)), 4);
  ASSERT_EQ(call("fd_close", {conn}), kSuccess);
  EXPECT_EQ(::read(client, buf, sizeof(buf)), 0);
}

}  // namespace
}  // namespace weft::wasi::test
