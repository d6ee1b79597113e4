// The module-level rules of validation, one function per kind of module component. Each returns
// the first error in the spec's wording; validate_module (validator.cpp) runs them in the order
// of the reference interpreter, so a module with several faults reports the same one.
#pragma once

#include "base/result.hpp"
#include "ir/module.hpp"
#include "validate/const_expr.hpp"
#include "validate/module_context.hpp"

namespace weft::validate {

// Type indices of imported and defined functions and tags.
Result<void> check_function_types(const ModuleContext& ctx);
// Limits of imported and defined tables and memories.
Result<void> check_table_and_memory_limits(const ModuleContext& ctx);
Result<void> check_memory_count(const ModuleContext& ctx);
Result<void> check_globals(ModuleContext& ctx, ConstExprChecker& exprs);
Result<void> check_elems(ModuleContext& ctx, ConstExprChecker& exprs);
Result<void> check_datas(ModuleContext& ctx, ConstExprChecker& exprs);
Result<void> check_start(const ModuleContext& ctx);
Result<void> check_exports(const ModuleContext& ctx);

// Marks exported functions as declared (C.refs), before the bodies are checked.
void declare_exported_funcs(ModuleContext& ctx);

}  // namespace weft::validate
