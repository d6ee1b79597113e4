// Section ids of the binary format and the order in which the known sections must appear.
#pragma once

#include <cstdint>

#include "ir/features.hpp"

namespace weft::binary {

enum class SectionId : uint8_t {
  Custom = 0,
  Type = 1,
  Import = 2,
  Function = 3,
  Table = 4,
  Memory = 5,
  Global = 6,
  Export = 7,
  Start = 8,
  Element = 9,
  Code = 10,
  Data = 11,
  DataCount = 12,
  Tag = 13,
};

// The known (non-custom) sections in the order the format requires. Data count sits between the
// element and code sections although its id is higher; tags sit between memories and globals.
inline constexpr SectionId kSectionOrder[] = {
    SectionId::Type,   SectionId::Import,  SectionId::Function,  SectionId::Table,
    SectionId::Memory, SectionId::Tag,     SectionId::Global,    SectionId::Export,
    SectionId::Start,  SectionId::Element, SectionId::DataCount, SectionId::Code,
    SectionId::Data,
};

// 1-based position of `id` in kSectionOrder, or 0 for custom sections and unknown ids.
constexpr uint8_t section_rank(uint8_t id) {
  for (uint8_t i = 0; i < sizeof(kSectionOrder); ++i) {
    if (static_cast<uint8_t>(kSectionOrder[i]) == id) return static_cast<uint8_t>(i + 1);
  }
  return 0;
}

// Whether `id` names a section this feature set knows (custom sections included).
constexpr bool is_known_section(uint8_t id, const ir::Features& features) {
  if (id == static_cast<uint8_t>(SectionId::Tag)) return features.exceptions;
  return id <= static_cast<uint8_t>(SectionId::DataCount);
}

}  // namespace weft::binary
