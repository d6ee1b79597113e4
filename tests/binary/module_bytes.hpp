// Small helpers to write binary modules by hand in tests: sections with computed sizes, names,
// LEB128 numbers.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "base/writer.hpp"
#include "binary/decoder.hpp"

namespace weft::binary::testing {

using Bytes = std::vector<uint8_t>;

inline Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

inline Bytes u32(uint32_t v) {
  Bytes out;
  Writer(out).u32(v);
  return out;
}

// A length-prefixed name.
inline Bytes name(std::string_view s) {
  Bytes out;
  Writer(out).name(s);
  return out;
}

inline Bytes section(uint8_t id, const Bytes& content) {
  return cat({Bytes{id}, u32(static_cast<uint32_t>(content.size())), content});
}

inline Bytes custom_section(std::string_view section_name, const Bytes& content) {
  return section(0, cat({name(section_name), content}));
}

inline const Bytes kHeader = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

inline Bytes module_of(std::initializer_list<Bytes> sections) {
  Bytes out = kHeader;
  for (const Bytes& s : sections) out.insert(out.end(), s.begin(), s.end());
  return out;
}

// Frequently used sections.
inline Bytes type_section_void_to_void() {
  return section(1, {0x01, 0x60, 0x00, 0x00});
}
inline Bytes function_section(uint32_t count) {
  Bytes content = u32(count);
  for (uint32_t i = 0; i < count; ++i) content.push_back(0x00);
  return section(3, content);
}
// `count` bodies that are just `end`.
inline Bytes code_section_empty_bodies(uint32_t count) {
  Bytes content = u32(count);
  for (uint32_t i = 0; i < count; ++i) content.insert(content.end(), {0x02, 0x00, 0x0b});
  return section(10, content);
}

// Decodes bytes that must be well-formed, failing the current test (and returning an empty
// module) when they are not.
inline ir::Module decode_ok(const Bytes& bytes) {
  auto result = decode_module(bytes);
  EXPECT_TRUE(result.has_value()) << result.error().to_string();
  if (!result) return {};
  return std::move(result).value();
}

}  // namespace weft::binary::testing
