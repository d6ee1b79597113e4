// The "name" custom section: module, function and local names, read into and written from
// ir::Names. Other subsections (labels, types, tables, ...) are skipped when reading.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ir/module.hpp"

namespace weft::binary {

// Reads the contents of a name section (after its name) into `names`. A custom section never
// makes a module malformed, so a bad subsection is dropped and reading stops there; names from the
// subsections before it are kept. `base_offset` is the content's offset in the file.
void read_name_section(std::span<const uint8_t> content, uint64_t base_offset, ir::Names& names);

// Whether `names` has anything to write.
bool has_names(const ir::Names& names);

// Appends the contents of a name section for `names` (without the section's name), entries in
// increasing index order as the format requires.
void write_name_section(const ir::Names& names, std::vector<uint8_t>& out);

}  // namespace weft::binary
