#include "binary/name_section.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/reader.hpp"
#include "base/writer.hpp"
#include "binary/primitives.hpp"

namespace weft::binary {

namespace {

enum NameSubsection : uint8_t { kModuleName = 0, kFunctionNames = 1, kLocalNames = 2 };

using NameMap = std::unordered_map<uint32_t, std::string>;

void read_name_map(Reader& r, NameMap& out) {
  const uint32_t n = read_length(r);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint32_t index = r.u32();
    const std::string_view name = read_name(r);
    if (r.ok()) out.insert_or_assign(index, std::string(name));
  }
}

// Reads one subsection into `names`; leaves `names` untouched when the subsection is malformed.
bool read_subsection(uint8_t id, Reader& r, ir::Names& names) {
  switch (id) {
    case kModuleName: {
      const std::string_view name = read_name(r);
      if (!r.ok() || !r.at_end()) return false;
      names.module = std::string(name);
      return true;
    }
    case kFunctionNames: {
      NameMap map;
      read_name_map(r, map);
      if (!r.ok() || !r.at_end()) return false;
      names.functions = std::move(map);
      return true;
    }
    case kLocalNames: {
      std::unordered_map<uint32_t, NameMap> locals;
      const uint32_t n = read_length(r);
      for (uint32_t i = 0; i < n && r.ok(); ++i) {
        const uint32_t func = r.u32();
        read_name_map(r, locals[func]);
      }
      if (!r.ok() || !r.at_end()) return false;
      names.locals = std::move(locals);
      return true;
    }
    default:
      return true;  // a subsection weft does not keep
  }
}

template <typename Map>
std::vector<uint32_t> sorted_keys(const Map& map) {
  std::vector<uint32_t> keys;
  keys.reserve(map.size());
  for (const auto& [key, value] : map) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

void write_name_map(Writer& w, const NameMap& map) {
  const std::vector<uint32_t> keys = sorted_keys(map);
  w.u32(static_cast<uint32_t>(keys.size()));
  for (uint32_t key : keys) {
    w.u32(key);
    w.name(map.at(key));
  }
}

void write_subsection(Writer& w, uint8_t id, const std::vector<uint8_t>& content) {
  w.u8(id);
  w.u32(static_cast<uint32_t>(content.size()));
  w.bytes(content.data(), content.size());
}

}  // namespace

void read_name_section(std::span<const uint8_t> content, uint64_t base_offset, ir::Names& names) {
  Reader r(content.data(), content.size(), base_offset);
  int last_id = -1;
  while (!r.at_end()) {
    const uint8_t id = r.u8();
    const uint32_t size = read_length(r);
    const uint64_t start = r.offset();
    const uint8_t* data = r.bytes(size);
    // Subsections come at most once each, in increasing order of id.
    if (!r.ok() || id <= last_id) return;
    last_id = id;
    Reader sub(data, size, start);
    if (!read_subsection(id, sub, names)) return;
  }
}

bool has_names(const ir::Names& names) {
  return names.module.has_value() || !names.functions.empty() || !names.locals.empty();
}

void write_name_section(const ir::Names& names, std::vector<uint8_t>& out) {
  Writer w(out);
  std::vector<uint8_t> content;
  if (names.module) {
    Writer c(content);
    c.name(*names.module);
    write_subsection(w, kModuleName, content);
  }
  if (!names.functions.empty()) {
    content.clear();
    Writer c(content);
    write_name_map(c, names.functions);
    write_subsection(w, kFunctionNames, content);
  }
  if (!names.locals.empty()) {
    content.clear();
    Writer c(content);
    const std::vector<uint32_t> funcs = sorted_keys(names.locals);
    c.u32(static_cast<uint32_t>(funcs.size()));
    for (uint32_t func : funcs) {
      c.u32(func);
      write_name_map(c, names.locals.at(func));
    }
    write_subsection(w, kLocalNames, content);
  }
}

}  // namespace weft::binary
