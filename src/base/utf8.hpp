// UTF-8 well-formedness as Unicode defines it: shortest forms only, no surrogates, at most U+10FFFF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace weft {

bool is_valid_utf8(const uint8_t* data, size_t size);
inline bool is_valid_utf8(const std::string& s) {
  return is_valid_utf8(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// Appends the UTF-8 encoding of `code_point` (which the caller has checked is a scalar value).
void append_utf8(std::string& out, uint32_t code_point);

}  // namespace weft
