#include "weft/module.hpp"

#include <cstring>

#include "api/alloc_guard.hpp"
#include "api/engine_state.hpp"
#include "base/file.hpp"
#include "binary/decoder.hpp"
#include "ir/module.hpp"
#include "text/wat_parser.hpp"
#include "validate/validated.hpp"

namespace weft {

Result<Module> Module::compile(const Engine& engine, Result<ir::Module> parsed) {
  Result<ir::Module> valid = validate::validated(std::move(parsed));
  if (!valid) return std::move(valid).error();
  auto module = std::make_shared<const ir::Module>(std::move(*valid));
  Result<std::shared_ptr<compile::ModuleCode>> code =
      interp::compile_module(*module, engine.state()->config);
  if (!code) return std::move(code).error();
  return Module(engine, std::move(module), std::move(*code));
}

Result<Module> Module::from_binary(const Engine& engine, std::span<const uint8_t> bytes) {
  return detail::without_exceptions(
      [&] { return compile(engine, binary::decode_module(bytes)); });
}

Result<Module> Module::from_text(const Engine& engine, std::string_view text) {
  return detail::without_exceptions([&] { return compile(engine, text::parse_wat(text)); });
}

Result<Module> Module::from_file(const Engine& engine, const std::string& path) {
  return detail::without_exceptions([&]() -> Result<Module> {
    Result<std::string> read = read_file(path);
    if (!read) return std::move(read).error();
    const std::string& contents = *read;
    if (contents.size() >= 4 && std::memcmp(contents.data(), "\0asm", 4) == 0) {
      return from_binary(engine,
                         {reinterpret_cast<const uint8_t*>(contents.data()), contents.size()});
    }
    return from_text(engine, contents);
  });
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
