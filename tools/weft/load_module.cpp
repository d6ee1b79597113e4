#include "load_module.hpp"

#include "binary/decoder.hpp"
#include "text/wat_parser.hpp"
#include "validate/validated.hpp"

namespace weft::cli {

static bool is_binary(std::string_view contents) {
  return contents.size() >= 4 && contents.substr(0, 4) == std::string_view("\0asm", 4);
}

Result<ir::Module> load_module(std::string_view contents) {
  return validate::validated(
      is_binary(contents)
          ? binary::decode_module(
                {reinterpret_cast<const uint8_t*>(contents.data()), contents.size()})
          : text::parse_wat(contents));
}

}  // namespace weft::cli
