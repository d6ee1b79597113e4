// Bounds-checked access to the guest's linear memory (little-endian, as wasm is). Every guest
// pointer goes through here: a range that does not fit in memory is refused, never touched.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

namespace weft::wasi {

static_assert(std::endian::native == std::endian::little,
              "WASI memory access assumes little-endian");

class GuestMemory {
 public:
  explicit GuestMemory(std::span<uint8_t> bytes) : bytes_(bytes) {}

  // True when [ptr, ptr + len) lies inside memory.
  bool fits(uint64_t ptr, uint64_t len) const {
    return ptr <= bytes_.size() && len <= bytes_.size() - ptr;
  }
  // The range as a span; call only after fits().
  std::span<uint8_t> range(uint64_t ptr, uint64_t len) const {
    return bytes_.subspan(static_cast<size_t>(ptr), static_cast<size_t>(len));
  }
  uint8_t* at(uint64_t ptr) const { return bytes_.data() + ptr; }

  template <typename U>
  bool read(uint64_t ptr, U& out) const {
    if (!fits(ptr, sizeof(U))) return false;
    std::memcpy(&out, bytes_.data() + ptr, sizeof(U));
    return true;
  }
  template <typename U>
  bool write(uint64_t ptr, U value) const {
    if (!fits(ptr, sizeof(U))) return false;
    std::memcpy(bytes_.data() + ptr, &value, sizeof(U));
    return true;
  }
  bool write_bytes(uint64_t ptr, const void* data, size_t len) const {
    if (!fits(ptr, len)) return false;
    if (len != 0) std::memcpy(bytes_.data() + ptr, data, len);
    return true;
  }
  bool read_string(uint64_t ptr, uint64_t len, std::string& out) const {
    if (!fits(ptr, len)) return false;
    out.assign(reinterpret_cast<const char*>(bytes_.data() + ptr), static_cast<size_t>(len));
    return true;
  }

 private:
  std::span<uint8_t> bytes_;
};

}  // namespace weft::wasi
