#include "base/reader.hpp"

#include "base/utf8.hpp"

namespace weft {

template <unsigned bits>
uint64_t Reader::leb_unsigned() {
  constexpr unsigned max_bytes = (bits + 6) / 7;
  // Numbers that end before the input does, without a bounds check per byte. A malformed last
  // byte is left to the careful loop below, which reports it.
  if (remaining() >= max_bytes) {
    uint64_t value = 0;
    for (unsigned i = 0; i < max_bytes - 1; ++i) {
      const uint8_t byte = pos_[i];
      value |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
      if (!(byte & 0x80)) {
        pos_ += i + 1;
        return value;
      }
    }
    constexpr unsigned shift = 7 * (max_bytes - 1);
    constexpr unsigned used = bits - shift;  // payload bits of the last byte
    const uint8_t last = pos_[max_bytes - 1];
    if (!(last & 0x80) && (used >= 7 || (last >> used) == 0)) {
      value |= static_cast<uint64_t>(last & 0x7f) << shift;
      pos_ += max_bytes;
      return value;
    }
  }
  uint64_t result = 0;
  for (unsigned i = 0; i < max_bytes; ++i) {
    if (pos_ >= end_) {
      fail("unexpected end");
      return 0;
    }
    const uint8_t byte = *pos_++;
    const unsigned shift = 7 * i;
    if (i == max_bytes - 1) {
      if (byte & 0x80) {
        fail_at(offset() - 1, "integer representation too long");
        return 0;
      }
      // Bits beyond `bits` in the last byte must be zero.
      const unsigned used = bits - shift;
      if (used < 7 && (byte >> used) != 0) {
        fail_at(offset() - 1, "integer too large");
        return 0;
      }
    }
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return result;
  }
  return result;
}

template <unsigned bits>
int64_t Reader::leb_signed() {
  constexpr unsigned max_bytes = (bits + 6) / 7;
  // Numbers that end before the input does, without a bounds check per byte. A malformed last
  // byte is left to the careful loop below, which reports it.
  if (remaining() >= max_bytes) {
    uint64_t value = 0;
    for (unsigned i = 0; i < max_bytes - 1; ++i) {
      const uint8_t byte = pos_[i];
      value |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
      if (!(byte & 0x80)) {
        pos_ += i + 1;
        const unsigned total = 7 * (i + 1);
        if (byte & 0x40) value |= ~uint64_t{0} << total;
        return static_cast<int64_t>(value);
      }
    }
    // The last byte: its bits above the value's width must repeat the sign bit.
    constexpr unsigned shift = 7 * (max_bytes - 1);
    constexpr unsigned used = bits - shift;  // 1..7 payload bits that belong to the value
    const uint8_t last = pos_[max_bytes - 1];
    const uint8_t high = static_cast<uint8_t>(last >> (used - 1));  // sign bit and the bits above
    if (!(last & 0x80) && (used >= 7 || high == 0 || high == (0x7f >> (used - 1)))) {
      value |= static_cast<uint64_t>(last & 0x7f) << shift;
      if (shift + 7 < 64 && (last & 0x40)) value |= ~uint64_t{0} << ((shift + 7) & 63);
      pos_ += max_bytes;
      return static_cast<int64_t>(value);
    }
  }
  uint64_t result = 0;
  for (unsigned i = 0; i < max_bytes; ++i) {
    if (pos_ >= end_) {
      fail("unexpected end");
      return 0;
    }
    const uint8_t byte = *pos_++;
    const unsigned shift = 7 * i;
    if (i == max_bytes - 1) {
      if (byte & 0x80) {
        fail_at(offset() - 1, "integer representation too long");
        return 0;
      }
      // The unused high bits of the last byte must all equal the sign bit.
      const unsigned used = bits - shift;  // 1..7 payload bits that belong to the value
      if (used < 7) {
        const int8_t sign_extended = static_cast<int8_t>(static_cast<uint8_t>(byte << 1)) >> 1;
        const int8_t expected = static_cast<int8_t>(static_cast<uint8_t>(byte << (8 - used))) >>
                                (8 - used);
        if (sign_extended != expected) {
          fail_at(offset() - 1, "integer too large");
          return 0;
        }
      }
    }
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) {
      const unsigned total = shift + 7;
      if (total < 64 && (byte & 0x40)) result |= ~uint64_t{0} << total;
      return static_cast<int64_t>(result);
    }
  }
  return static_cast<int64_t>(result);
}

template uint64_t Reader::leb_unsigned<32>();
template uint64_t Reader::leb_unsigned<64>();
template int64_t Reader::leb_signed<32>();
template int64_t Reader::leb_signed<33>();
template int64_t Reader::leb_signed<64>();

std::string_view Reader::name() {
  const uint32_t length = u32();
  if (failed_) return {};
  if (length > remaining()) {
    fail("unexpected end");
    return {};
  }
  const uint8_t* p = pos_;
  if (!is_valid_utf8(p, length)) {
    fail("malformed UTF-8 encoding");
    return {};
  }
  pos_ += length;
  return {reinterpret_cast<const char*>(p), length};
}

}  // namespace weft
