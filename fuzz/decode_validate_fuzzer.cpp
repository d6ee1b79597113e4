// Arbitrary bytes through the binary decoder and, when they decode, the validator; then the
// encoder must reproduce a module that decodes and validates the same way.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "binary/decoder.hpp"
#include "binary/encoder.hpp"
#include "validate/validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  weft::Result<weft::ir::Module> module = weft::binary::decode_module({data, size});
  if (!module) return 0;
  const bool valid = weft::validate::validate_module(*module).has_value();
  const std::vector<uint8_t> bytes = weft::binary::encode_module(*module);
  weft::Result<weft::ir::Module> again = weft::binary::decode_module(bytes);
  if (!again) std::abort();  // the encoder wrote something the decoder rejects
  if (weft::validate::validate_module(*again).has_value() != valid) std::abort();
  return 0;
}
