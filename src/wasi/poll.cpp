// poll_oneoff: clock subscriptions (relative or absolute) and readiness of descriptors through
// poll(2). Clocks are turned into deadlines on the monotonic clock so one timeout covers all.
#include <poll.h>
#include <sys/ioctl.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <limits>
#include <vector>

#include "wasi/call_support.hpp"
#include "wasi/calls.hpp"

namespace weft::wasi {

namespace l = abi::layout;

namespace {

uint64_t now_ns(clockid_t clock) {
  timespec ts{};
  ::clock_gettime(clock, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

uint64_t saturating_add(uint64_t a, uint64_t b) {
  return a > std::numeric_limits<uint64_t>::max() - b ? std::numeric_limits<uint64_t>::max()
                                                      : a + b;
}

struct Event {
  uint64_t userdata = 0;
  uint16_t error = abi::kSuccess;
  uint8_t type = abi::kEventClock;
  uint64_t nbytes = 0;
  uint16_t flags = 0;
};

struct ClockWait {
  uint64_t userdata;
  uint64_t deadline;  // on CLOCK_MONOTONIC
};

struct FdWait {
  uint64_t userdata;
  uint8_t type;
  size_t pollfd_index;
};

void write_event(GuestMemory memory, uint64_t at, const Event& e) {
  uint8_t zero[l::kEventSize] = {};
  memory.write_bytes(at, zero, sizeof(zero));
  memory.write<uint64_t>(at + l::kEventUserdata, e.userdata);
  memory.write<uint16_t>(at + l::kEventError, e.error);
  memory.write<uint8_t>(at + l::kEventType, e.type);
  memory.write<uint64_t>(at + l::kEventNbytes, e.nbytes);
  memory.write<uint16_t>(at + l::kEventFlags, e.flags);
}

uint64_t readable_bytes(int fd) {
  int n = 0;
  return ::ioctl(fd, FIONREAD, &n) == 0 && n > 0 ? static_cast<uint64_t>(n) : 0;
}

}  // namespace

Result<uint32_t> call_poll_oneoff(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  GuestMemory guest(memory);
  const uint64_t in = u32(a[0]), out = u32(a[1]), count = u32(a[2]), nevents_ptr = u32(a[3]);
  if (count == 0) return abi::kInval;
  if (!guest.fits(in, count * l::kSubscriptionSize) || !guest.fits(out, count * l::kEventSize) ||
      !guest.fits(nevents_ptr, 4))
    return abi::kFault;

  // The vectors below hold at most one element per subscription, and `count` is bounded by the
  // guest's memory (48 bytes each), so their size is bounded too.
  std::vector<Event> events;
  std::vector<ClockWait> clocks;
  std::vector<FdWait> fd_waits;
  std::vector<pollfd> pollfds;
  const uint64_t start = now_ns(CLOCK_MONOTONIC);
  for (uint64_t i = 0; i < count; ++i) {
    const uint64_t sub = in + i * l::kSubscriptionSize;
    uint64_t userdata = 0;
    uint8_t tag = 0;
    guest.read(sub + l::kSubUserdata, userdata);
    guest.read(sub + l::kSubTag, tag);
    if (tag == abi::kEventClock) {
      uint32_t id = 0;
      uint64_t timeout = 0;
      uint16_t flags = 0;
      guest.read(sub + l::kSubClockId, id);
      guest.read(sub + l::kSubClockTimeout, timeout);
      guest.read(sub + l::kSubClockFlags, flags);
      clockid_t clock;
      switch (id) {
        case abi::kRealtime:
          clock = CLOCK_REALTIME;
          break;
        case abi::kMonotonic:
          clock = CLOCK_MONOTONIC;
          break;
        case abi::kProcessCputime:
          clock = CLOCK_PROCESS_CPUTIME_ID;
          break;
        case abi::kThreadCputime:
          clock = CLOCK_THREAD_CPUTIME_ID;
          break;
        default:
          events.push_back({userdata, abi::kInval, abi::kEventClock, 0, 0});
          continue;
      }
      if ((flags & ~abi::kSubclockAbstime) != 0) {
        events.push_back({userdata, abi::kInval, abi::kEventClock, 0, 0});
        continue;
      }
      uint64_t relative = timeout;
      if (flags & abi::kSubclockAbstime) {
        const uint64_t now = now_ns(clock);
        relative = timeout > now ? timeout - now : 0;
      }
      clocks.push_back({userdata, saturating_add(start, relative)});
    } else if (tag == abi::kEventFdRead || tag == abi::kEventFdWrite) {
      uint32_t fd_number = 0;
      guest.read(sub + l::kSubFd, fd_number);
      FdLookup fd = lookup(ctx, fd_number, abi::rights::kPollFdReadwrite);
      if (!fd.fd) {
        events.push_back({userdata, fd.error, tag, 0, 0});
        continue;
      }
      fd_waits.push_back({userdata, tag, pollfds.size()});
      const short what = tag == abi::kEventFdRead ? POLLIN : POLLOUT;
      pollfds.push_back(pollfd{fd.fd->host.get(), what, 0});
    } else {
      return abi::kInval;
    }
  }

  while (true) {
    const uint64_t now = now_ns(CLOCK_MONOTONIC);
    int timeout_ms = -1;
    if (!events.empty()) {
      timeout_ms = 0;
    } else if (!clocks.empty()) {
      uint64_t earliest = std::numeric_limits<uint64_t>::max();
      for (const ClockWait& c : clocks) earliest = std::min(earliest, c.deadline);
      const uint64_t wait_ns = earliest > now ? earliest - now : 0;
      const uint64_t ms = (wait_ns + 999999) / 1000000;
      timeout_ms = static_cast<int>(std::min<uint64_t>(ms, std::numeric_limits<int>::max()));
      if (pollfds.empty() && wait_ns > 0) {
        // Only clocks: sleep precisely instead of rounding up to milliseconds.
        timespec ts{static_cast<time_t>(wait_ns / 1000000000u),
                    static_cast<long>(wait_ns % 1000000000u)};
        ::nanosleep(&ts, nullptr);
        timeout_ms = 0;
      }
    }
    const int ready = ::poll(pollfds.data(), static_cast<nfds_t>(pollfds.size()), timeout_ms);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return last_error();
    }
    for (const FdWait& w : fd_waits) {
      const pollfd& p = pollfds[w.pollfd_index];
      if (p.revents == 0) continue;
      Event e{w.userdata, abi::kSuccess, w.type, 0, 0};
      if (p.revents & POLLNVAL)
        e.error = abi::kBadf;
      else if ((p.revents & POLLERR) && !(p.revents & (POLLIN | POLLOUT)))
        e.error = abi::kIo;
      if (p.revents & POLLHUP) e.flags |= abi::kEventFdReadwriteHangup;
      if (w.type == abi::kEventFdRead && e.error == abi::kSuccess) e.nbytes = readable_bytes(p.fd);
      events.push_back(e);
    }
    const uint64_t after = now_ns(CLOCK_MONOTONIC);
    for (const ClockWait& c : clocks) {
      if (c.deadline <= after)
        events.push_back({c.userdata, abi::kSuccess, abi::kEventClock, 0, 0});
    }
    if (!events.empty()) break;
  }

  const size_t n = std::min<size_t>(events.size(), static_cast<size_t>(count));
  for (size_t i = 0; i < n; ++i) write_event(guest, out + i * l::kEventSize, events[i]);
  guest.write<uint32_t>(nevents_ptr, static_cast<uint32_t>(n));
  return abi::kSuccess;
}

}  // namespace weft::wasi
