// Arbitrary text through the WAT parser and, when it parses, the validator.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  weft::Result<weft::ir::Module> module =
      weft::text::parse_wat(std::string_view(reinterpret_cast<const char*>(data), size));
  if (module) (void)weft::validate::validate_module(*module);
  return 0;
}
