// Reading the binary format's lengths and names with the reference interpreter's error wording.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/reader.hpp"
#include "base/utf8.hpp"

namespace weft::binary {

// A u32 length or vector count. It may not exceed the bytes left from where the number starts
// (the reference interpreter's bound), which also bounds what a caller allocates for it: every
// counted element takes at least one byte.
inline uint32_t read_length(Reader& r) {
  const uint64_t at = r.offset();
  const size_t available = r.remaining();
  const uint32_t n = r.u32();
  if (r.ok() && n > available) {
    r.fail_at(at, "length out of bounds");
    return 0;
  }
  return n;
}

// A vector count that must also stay within an implementation limit (limits.hpp).
inline uint32_t read_count(Reader& r, uint32_t limit, const char* too_many_message) {
  const uint64_t at = r.offset();
  const uint32_t n = read_length(r);
  if (n > limit) {
    r.fail_at(at, too_many_message);
    return 0;
  }
  return n;
}

// A length-prefixed UTF-8 name. The view points into the reader's bytes.
inline std::string_view read_name(Reader& r) {
  const uint32_t n = read_length(r);
  const uint64_t at = r.offset();
  const uint8_t* p = r.bytes(n);
  if (p == nullptr) return {};
  if (!is_valid_utf8(p, n)) {
    r.fail_at(at, "malformed UTF-8 encoding");
    return {};
  }
  return {reinterpret_cast<const char*>(p), n};
}

}  // namespace weft::binary
