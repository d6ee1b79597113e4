// Appends bytes and LEB128 numbers to a buffer: the encoder's and the text parser's output side.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace weft {

class Writer {
 public:
  explicit Writer(std::vector<uint8_t>& out) : out_(out) {}

  size_t size() const { return out_.size(); }
  std::vector<uint8_t>& buffer() { return out_; }

  void u8(uint8_t b) { out_.push_back(b); }
  void bytes(const void* data, size_t n) {
    const auto* p = static_cast<const uint8_t*>(data);
    out_.insert(out_.end(), p, p + n);
  }
  void u32(uint32_t v) { u64(v); }
  void u64(uint64_t v) {
    do {
      uint8_t byte = v & 0x7f;
      v >>= 7;
      if (v != 0) byte |= 0x80;
      out_.push_back(byte);
    } while (v != 0);
  }
  void s32(int32_t v) { s64(v); }
  void s64(int64_t v) {
    for (;;) {
      const uint8_t byte = v & 0x7f;
      v >>= 7;  // arithmetic shift: C++20 defines it for negative values
      const bool done = (v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40));
      out_.push_back(done ? byte : (byte | 0x80));
      if (done) return;
    }
  }
  void fixed_u32(uint32_t v) { bytes(&v, 4); }
  void fixed_u64(uint64_t v) { bytes(&v, 8); }
  void name(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    bytes(s.data(), s.size());
  }

  // Reserves a 5-byte padded u32 (for a size not yet known) and returns its position.
  size_t reserve_u32() {
    const size_t at = out_.size();
    out_.insert(out_.end(), {0x80, 0x80, 0x80, 0x80, 0x00});
    return at;
  }
  void patch_u32(size_t at, uint32_t v) {
    for (int i = 0; i < 5; ++i) {
      out_[at + i] = static_cast<uint8_t>((v & 0x7f) | (i < 4 ? 0x80 : 0));
      v >>= 7;
    }
  }

 private:
  std::vector<uint8_t>& out_;
};

}  // namespace weft
