// Arbitrary text through the WAST script parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/wast.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)weft::text::parse_wast(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
