// A compiled, validated module, ready to be instantiated in any store of its engine.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "weft/engine.hpp"
#include "weft/result.hpp"
#include "weft/types.hpp"

namespace weft {

namespace ir {
struct Module;
}
namespace compile {
struct ModuleCode;
}

// Cheap to copy: copies share the compiled code.
class Module {
 public:
  static Result<Module> from_binary(const Engine& engine, std::span<const uint8_t> bytes);
  static Result<Module> from_text(const Engine& engine, std::string_view text);
  // Reads a .wasm (binary) or .wat (text) file; the contents decide which.
  static Result<Module> from_file(const Engine& engine, const std::string& path);

  std::vector<ImportType> imports() const;
  std::vector<ExportType> exports() const;

  const Engine& engine() const { return engine_; }
  const std::shared_ptr<const ir::Module>& ir() const { return module_; }
  const std::shared_ptr<const compile::ModuleCode>& code() const { return code_; }

 private:
  Module(Engine engine, std::shared_ptr<const ir::Module> module,
         std::shared_ptr<const compile::ModuleCode> code)
      : engine_(std::move(engine)), module_(std::move(module)), code_(std::move(code)) {}
  static Result<Module> compile(const Engine& engine, Result<ir::Module> parsed);

  Engine engine_;
  std::shared_ptr<const ir::Module> module_;
  std::shared_ptr<const compile::ModuleCode> code_;
};

}  // namespace weft
