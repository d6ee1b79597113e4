// Constant expressions: global initializers, segment offsets and element items. They are decoded
// by BodyDecoder like any code, with a visitor that admits only the constant instructions and
// records the functions they reference (the spec's C.refs).
#pragma once

#include <cstdint>

#include "base/result.hpp"
#include "ir/module.hpp"
#include "validate/body_decoder.hpp"
#include "validate/module_context.hpp"

namespace weft::validate {

class ConstExprVisitor : public NullVisitor {
 public:
  explicit ConstExprVisitor(ModuleContext& context) : ctx_(context) {}

  template <class D>
  bool on_opcode(D& d, ir::Opcode op, uint64_t offset) {
    if (is_constant(op)) return true;
    d.fail(ErrorKind::Invalid, offset, "constant expression required");
    return false;
  }

  template <class D>
  bool on_instruction(D& d, const Instruction& ins) {
    if (ins.op == ir::Opcode::GlobalGet && d.module().global_type(ins.index).mut) {
      d.fail(ErrorKind::Invalid, ins.offset, "constant expression required");
      return false;
    }
    if (ins.op == ir::Opcode::RefFunc) ctx_.declare_func(ins.index);
    return true;
  }

 private:
  bool is_constant(ir::Opcode op) const;

  ModuleContext& ctx_;
};

// Reuses one decoder (and its stacks) for all the constant expressions of a module.
class ConstExprChecker {
 public:
  explicit ConstExprChecker(ModuleContext& context)
      : visitor_(context), decoder_(context, visitor_) {}

  // The expression must be constant and produce exactly one `type`; only globals below
  // `visible_globals` may be read.
  Result<void> check(const ir::ConstExpr& expr, ir::ValType type, uint32_t visible_globals) {
    return decoder_.decode_const_expr(expr, type, visible_globals);
  }

 private:
  ConstExprVisitor visitor_;
  BodyDecoder<ConstExprVisitor> decoder_;
};

}  // namespace weft::validate
