#include "validate/validator.hpp"

#include "validate/body_decoder.hpp"
#include "validate/const_expr.hpp"
#include "validate/module_checks.hpp"
#include "validate/module_context.hpp"

namespace weft::validate {

namespace {

Result<void> check_module(ModuleContext& ctx, BodyDecoder<NullVisitor>& bodies) {
  const ir::Module& module = ctx.module;
  // The order follows the reference interpreter's, so that the first fault reported is the same.
  WEFT_TRY(check_function_types(ctx));
  WEFT_TRY(check_table_and_memory_limits(ctx));
  {
    ConstExprChecker exprs(ctx);
    WEFT_TRY(check_globals(ctx, exprs));
    WEFT_TRY(check_elems(ctx, exprs));
    WEFT_TRY(check_datas(ctx, exprs));
  }
  declare_exported_funcs(ctx);
  for (uint32_t i = 0; i < module.functions.size(); ++i) WEFT_TRY(bodies.decode_function(i));
  WEFT_TRY(check_start(ctx));
  WEFT_TRY(check_exports(ctx));
  WEFT_TRY(check_memory_count(ctx));
  return {};
}

}  // namespace

Result<void> validate_module(const ir::Module& module, const ir::Features& features) {
  ModuleContext ctx(module, features);
  NullVisitor visitor;
  BodyDecoder<NullVisitor> bodies(ctx, visitor);
  Result<void> result = check_module(ctx, bodies);
  if (!result && result.error().kind == ErrorKind::Invalid) {
    // The spec decodes the whole module before validating it: malformed code anywhere in the
    // module takes precedence over this invalid construct. Only failures pay for the rescan.
    for (uint32_t i = 0; i < module.functions.size(); ++i) WEFT_TRY(bodies.scan_syntax(i));
  }
  return result;
}

}  // namespace weft::validate
