#include "wasi/filestat.hpp"

#include "wasi/call_support.hpp"

namespace weft::wasi {

namespace {

uint64_t ns(const timespec& ts) {
  if (ts.tv_sec < 0) return 0;
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

timespec from_ns(uint64_t t) {
  timespec ts{};
  ts.tv_sec = static_cast<time_t>(t / 1000000000u);
  ts.tv_nsec = static_cast<long>(t % 1000000000u);
  return ts;
}

}  // namespace

uint8_t filetype_for_stat(const struct stat& st) {
  return filetype_from_mode(st.st_mode);
}

bool write_filestat(GuestMemory memory, uint64_t ptr, const struct stat& st, uint8_t filetype) {
  namespace l = abi::layout;
  if (!memory.fits(ptr, l::kFilestatSize)) return false;
  uint8_t zero[l::kFilestatSize] = {};
  memory.write_bytes(ptr, zero, sizeof(zero));
  memory.write<uint64_t>(ptr + l::kFilestatDev, static_cast<uint64_t>(st.st_dev));
  memory.write<uint64_t>(ptr + l::kFilestatIno, static_cast<uint64_t>(st.st_ino));
  memory.write<uint8_t>(ptr + l::kFilestatFiletype, filetype);
  memory.write<uint64_t>(ptr + l::kFilestatNlink, static_cast<uint64_t>(st.st_nlink));
  memory.write<uint64_t>(ptr + l::kFilestatSize_, static_cast<uint64_t>(st.st_size));
#ifdef __APPLE__
  memory.write<uint64_t>(ptr + l::kFilestatAtim, ns(st.st_atimespec));
  memory.write<uint64_t>(ptr + l::kFilestatMtim, ns(st.st_mtimespec));
  memory.write<uint64_t>(ptr + l::kFilestatCtim, ns(st.st_ctimespec));
#else
  memory.write<uint64_t>(ptr + l::kFilestatAtim, ns(st.st_atim));
  memory.write<uint64_t>(ptr + l::kFilestatMtim, ns(st.st_mtim));
  memory.write<uint64_t>(ptr + l::kFilestatCtim, ns(st.st_ctim));
#endif
  return true;
}

uint16_t times_from_flags(uint64_t atim, uint64_t mtim, uint64_t fst_flags, timespec out[2]) {
  if ((fst_flags & ~uint64_t{abi::kFstAll}) != 0) return abi::kInval;
  const bool a = fst_flags & abi::kFstAtim, a_now = fst_flags & abi::kFstAtimNow;
  const bool m = fst_flags & abi::kFstMtim, m_now = fst_flags & abi::kFstMtimNow;
  if ((a && a_now) || (m && m_now)) return abi::kInval;
  out[0] = a ? from_ns(atim) : timespec{0, a_now ? UTIME_NOW : UTIME_OMIT};
  out[1] = m ? from_ns(mtim) : timespec{0, m_now ? UTIME_NOW : UTIME_OMIT};
  return abi::kSuccess;
}

}  // namespace weft::wasi
