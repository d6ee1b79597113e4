#include "weft/module.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "api/engine_state.hpp"
#include "binary/decoder.hpp"
#include "ir/module.hpp"
#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

namespace weft {

Result<Module> Module::compile(const Engine& engine, Result<ir::Module> parsed, bool binary) {
  if (!parsed) return std::move(parsed).error();
  Result<void> valid = validate::validate_module(*parsed);
  if (!valid) {
    Error error = std::move(valid).error();
    // A text module's errors are easier to find by line and column.
    if (!binary && error.has_offset()) {
      if (const ir::SourceLoc* loc = parsed->source_loc(error.offset)) {
        error.line = loc->line;
        error.column = loc->column;
        error.offset = Error::kNoOffset;
      }
    }
    return error;
  }
  auto module = std::make_shared<const ir::Module>(std::move(*parsed));
  Result<std::shared_ptr<compile::ModuleCode>> code =
      interp::compile_module(*module, engine.state()->config);
  if (!code) return std::move(code).error();
  return Module(engine, std::move(module), std::move(*code));
}

Result<Module> Module::from_binary(const Engine& engine, std::span<const uint8_t> bytes) {
  return compile(engine, binary::decode_module(bytes), true);
}

Result<Module> Module::from_text(const Engine& engine, std::string_view text) {
  return compile(engine, text::parse_wat(text), false);
}

Result<Module> Module::from_file(const Engine& engine, const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error{ErrorKind::Io, path + ": " + std::strerror(errno)};
  std::string contents;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) contents.append(buffer, n);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Error{ErrorKind::Io, path + ": read error"};
  if (contents.size() >= 4 && std::memcmp(contents.data(), "\0asm", 4) == 0) {
    return from_binary(engine,
                       {reinterpret_cast<const uint8_t*>(contents.data()), contents.size()});
  }
  return from_text(engine, contents);
}

std::vector<ImportType> Module::imports() const {
  std::vector<ImportType> out;
  for (const ir::Import& import : module_->imports) {
    ExternType type;
    type.kind = import.kind;
    switch (import.kind) {
      case ExternKind::Func:
        type.func = module_->func_type(import.func_type);
        break;
      case ExternKind::Table:
        type.table = import.table;
        break;
      case ExternKind::Memory:
        type.memory = import.memory;
        break;
      case ExternKind::Global:
        type.global = import.global;
        break;
      case ExternKind::Tag:
        break;
    }
    out.push_back(ImportType{import.module, import.name, std::move(type)});
  }
  return out;
}

std::vector<ExportType> Module::exports() const {
  std::vector<ExportType> out;
  for (const ir::Export& e : module_->exports) {
    ExternType type;
    type.kind = e.kind;
    switch (e.kind) {
      case ExternKind::Func:
        type.func = module_->func_type(module_->func_type_index(e.index));
        break;
      case ExternKind::Table:
        type.table = module_->table_type(e.index);
        break;
      case ExternKind::Memory:
        type.memory = module_->memory_type(e.index);
        break;
      case ExternKind::Global:
        type.global = module_->global_type(e.index);
        break;
      case ExternKind::Tag:
        break;
    }
    out.push_back(ExportType{e.name, std::move(type)});
  }
  return out;
}

}  // namespace weft
