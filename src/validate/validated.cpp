#include "validate/validated.hpp"

#include "validate/validator.hpp"

namespace weft::validate {

Result<ir::Module> validated(Result<ir::Module> module, const ir::Features& features) {
  if (!module) return module;
  Result<void> valid = validate_module(*module, features);
  if (valid) return module;
  Error error = std::move(valid).error();
  // Binary modules have no source map, so their errors keep the byte offset.
  if (error.has_offset()) {
    if (const ir::SourceLoc* loc = module->source_loc(error.offset)) {
      error.line = loc->line;
      error.column = loc->column;
      error.offset = Error::kNoOffset;
    }
  }
  return error;
}

}  // namespace weft::validate
