// A cursor over bytes with strict LEB128 decoding.
//
// Errors are sticky, as in V8's Decoder: the first failure records its message and offset, moves
// the cursor to the end and makes every later read return 0. Callers read a whole construct and
// check ok() once, instead of testing every read, which keeps hot decoding loops short.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace weft {

class Reader {
 public:
  Reader() = default;
  // `base_offset` is the offset of `data` in the enclosing file, used for error positions.
  Reader(const uint8_t* data, size_t size, uint64_t base_offset = 0)
      : begin_(data), pos_(data), end_(data + size), base_offset_(base_offset) {}

  bool ok() const { return !failed_; }
  bool at_end() const { return pos_ >= end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - pos_); }
  // Offset of the cursor in the enclosing file.
  uint64_t offset() const { return base_offset_ + static_cast<uint64_t>(pos_ - begin_); }
  const uint8_t* pos() const { return pos_; }
  const uint8_t* end() const { return end_; }

  // Records the first error only; later ones are consequences of it.
  void fail(std::string message) { fail_at(offset(), std::move(message)); }
  void fail_at(uint64_t offset, std::string message) {
    if (failed_) return;
    failed_ = true;
    error_offset_ = offset;
    error_message_ = std::move(message);
    pos_ = end_;
  }
  const std::string& error_message() const { return error_message_; }
  uint64_t error_offset() const { return error_offset_; }
  Error error(ErrorKind kind = ErrorKind::Malformed) const {
    return Error::at_offset(kind, error_offset_, error_message_);
  }

  uint8_t u8() {
    if (pos_ >= end_) {
      fail("unexpected end");
      return 0;
    }
    return *pos_++;
  }
  uint8_t peek_u8() const { return pos_ < end_ ? *pos_ : 0; }

  uint32_t u32() {
    if (pos_ < end_ && *pos_ < 0x80) return *pos_++;
    return static_cast<uint32_t>(leb_unsigned<32>());
  }
  uint64_t u64() { return leb_unsigned<64>(); }
  int32_t s32() { return static_cast<int32_t>(leb_signed<32>()); }
  int64_t s64() { return leb_signed<64>(); }
  // Block types are signed 33-bit: negative values are value types, others type indices.
  int64_t s33() { return leb_signed<33>(); }

  uint32_t fixed_u32() {
    uint32_t v = 0;
    if (take(&v, 4)) return v;
    return 0;
  }
  uint64_t fixed_u64() {
    uint64_t v = 0;
    if (take(&v, 8)) return v;
    return 0;
  }
  bool take(void* out, size_t n) {
    if (remaining() < n) {
      fail("unexpected end");
      return false;
    }
    std::memcpy(out, pos_, n);
    pos_ += n;
    return true;
  }
  // Returns a pointer to `n` bytes and advances past them, or nullptr (and fails).
  const uint8_t* bytes(size_t n) {
    if (remaining() < n) {
      fail("unexpected end");
      return nullptr;
    }
    const uint8_t* p = pos_;
    pos_ += n;
    return p;
  }
  void skip(size_t n) { (void)bytes(n); }

  // A length-prefixed name; fails on bad UTF-8 with the spec's message "malformed UTF-8 encoding".
  std::string_view name();

 private:
  // Instantiated for the widths above only (reader.cpp), so each loop is specialized.
  template <unsigned bits>
  uint64_t leb_unsigned();
  template <unsigned bits>
  int64_t leb_signed();

  const uint8_t* begin_ = nullptr;
  const uint8_t* pos_ = nullptr;
  const uint8_t* end_ = nullptr;
  uint64_t base_offset_ = 0;
  bool failed_ = false;
  uint64_t error_offset_ = 0;
  std::string error_message_;
};

}  // namespace weft
