// Arguments, environment, clocks, randomness, exit, signals and yielding.
#include <sched.h>
#include <time.h>
#include <unistd.h>
#if __has_include(<sys/random.h>)
#include <sys/random.h>
#endif

#include <string>
#include <vector>

#include "wasi/call_support.hpp"
#include "wasi/calls.hpp"

namespace weft::wasi {

namespace {

// Writes `strings` as an array of pointers at `ptrs` and NUL-terminated bytes at `buf`.
uint32_t write_string_list(const std::vector<std::string>& strings, GuestMemory memory,
                           uint64_t ptrs, uint64_t buf) {
  uint64_t total = 0;
  for (const std::string& s : strings) total += s.size() + 1;
  if (!memory.fits(ptrs, uint64_t{4} * strings.size()) || !memory.fits(buf, total))
    return abi::kFault;
  uint64_t offset = buf;
  for (size_t i = 0; i < strings.size(); ++i) {
    memory.write<uint32_t>(ptrs + 4 * i, static_cast<uint32_t>(offset));
    memory.write_bytes(offset, strings[i].c_str(), strings[i].size() + 1);
    offset += strings[i].size() + 1;
  }
  return abi::kSuccess;
}

uint32_t write_list_sizes(const std::vector<std::string>& strings, GuestMemory memory,
                          uint64_t count_ptr, uint64_t size_ptr) {
  uint64_t total = 0;
  for (const std::string& s : strings) total += s.size() + 1;
  if (!memory.fits(count_ptr, 4) || !memory.fits(size_ptr, 4)) return abi::kFault;
  memory.write<uint32_t>(count_ptr, static_cast<uint32_t>(strings.size()));
  memory.write<uint32_t>(size_ptr, static_cast<uint32_t>(total));
  return abi::kSuccess;
}

bool host_clock(uint64_t id, clockid_t& out) {
  switch (id) {
    case abi::kRealtime:
      out = CLOCK_REALTIME;
      return true;
    case abi::kMonotonic:
      out = CLOCK_MONOTONIC;
      return true;
    case abi::kProcessCputime:
      out = CLOCK_PROCESS_CPUTIME_ID;
      return true;
    case abi::kThreadCputime:
      out = CLOCK_THREAD_CPUTIME_ID;
      return true;
    default:
      return false;
  }
}

uint64_t to_ns(const timespec& ts) {
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

bool fill_random(uint8_t* out, size_t len) {
  while (len > 0) {
    const size_t chunk = len < 256 ? len : 256;
#if __has_include(<sys/random.h>) && defined(__linux__)
    const ssize_t got = ::getrandom(out, chunk, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    out += got;
    len -= static_cast<size_t>(got);
#else
    if (::getentropy(out, chunk) != 0) return false;
    out += chunk;
    len -= chunk;
#endif
  }
  return true;
}

}  // namespace

Result<uint32_t> call_args_get(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  return write_string_list(ctx.state().args, GuestMemory(memory), u32(a[0]), u32(a[1]));
}

Result<uint32_t> call_args_sizes_get(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  return write_list_sizes(ctx.state().args, GuestMemory(memory), u32(a[0]), u32(a[1]));
}

Result<uint32_t> call_environ_get(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  return write_string_list(ctx.state().environ, GuestMemory(memory), u32(a[0]), u32(a[1]));
}

Result<uint32_t> call_environ_sizes_get(WasiCtx& ctx, std::span<uint8_t> memory,
                                        const uint64_t* a) {
  return write_list_sizes(ctx.state().environ, GuestMemory(memory), u32(a[0]), u32(a[1]));
}

Result<uint32_t> call_clock_res_get(WasiCtx&, std::span<uint8_t> memory, const uint64_t* a) {
  clockid_t clock;
  if (!host_clock(u32(a[0]), clock)) return abi::kInval;
  timespec ts{};
  if (::clock_getres(clock, &ts) != 0) return last_error();
  if (!GuestMemory(memory).write<uint64_t>(u32(a[1]), to_ns(ts))) return abi::kFault;
  return abi::kSuccess;
}

Result<uint32_t> call_clock_time_get(WasiCtx&, std::span<uint8_t> memory, const uint64_t* a) {
  clockid_t clock;
  if (!host_clock(u32(a[0]), clock)) return abi::kInval;
  timespec ts{};
  if (::clock_gettime(clock, &ts) != 0) return last_error();
  if (!GuestMemory(memory).write<uint64_t>(u32(a[2]), to_ns(ts))) return abi::kFault;
  return abi::kSuccess;
}

Result<uint32_t> call_random_get(WasiCtx&, std::span<uint8_t> memory, const uint64_t* a) {
  GuestMemory guest(memory);
  const uint64_t buf = u32(a[0]), len = u32(a[1]);
  if (!guest.fits(buf, len)) return abi::kFault;
  if (!fill_random(guest.at(buf), static_cast<size_t>(len))) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_proc_exit(WasiCtx&, std::span<uint8_t>, const uint64_t* a) {
  Error exit{ErrorKind::Exit, "exit"};
  exit.exit_code = static_cast<int32_t>(u32(a[0]));
  return exit;
}

// Like wasmtime: a program cannot signal itself through WASI.
Result<uint32_t> call_proc_raise(WasiCtx&, std::span<uint8_t>, const uint64_t*) {
  return abi::kNotsup;
}

Result<uint32_t> call_sched_yield(WasiCtx&, std::span<uint8_t>, const uint64_t*) {
  ::sched_yield();
  return abi::kSuccess;
}

}  // namespace weft::wasi
