#include "validate/const_expr.hpp"

namespace weft::validate {

bool ConstExprVisitor::is_constant(ir::Opcode op) const {
  using ir::Opcode;
  switch (op) {
    case Opcode::I32Const:
    case Opcode::I64Const:
    case Opcode::F32Const:
    case Opcode::F64Const:
    case Opcode::V128Const:
    case Opcode::RefNull:
    case Opcode::RefFunc:
    case Opcode::GlobalGet:
    case Opcode::End:
      return true;
    case Opcode::I32Add:
    case Opcode::I32Sub:
    case Opcode::I32Mul:
    case Opcode::I64Add:
    case Opcode::I64Sub:
    case Opcode::I64Mul:
      return ctx_.features.extended_const;
    default:
      return false;
  }
}

}  // namespace weft::validate
