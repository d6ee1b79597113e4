#include "runtime/const_eval.hpp"

namespace weft::runtime {

ConstEvaluator::ConstEvaluator(const ir::Module& module)
    : context_(module, ir::Features::wasm2()), decoder_(context_, visitor_) {}

bool ConstEvaluator::Visitor::step(const validate::Instruction& ins) {
  using ir::Opcode;
  ValRaw v{};
  auto binary = [&](auto f) {
    if (stack.size() < 2) return false;
    ValRaw b = stack.back();
    stack.pop_back();
    f(stack.back(), b);
    return true;
  };
  switch (ins.op) {
    case Opcode::I32Const:
      v.i64 = static_cast<uint32_t>(ins.value.i32);
      break;
    case Opcode::I64Const:
      v.i64 = static_cast<uint64_t>(ins.value.i64);
      break;
    case Opcode::F32Const:
      v.i64 = ins.value.f32_bits;
      break;
    case Opcode::F64Const:
      v.i64 = ins.value.f64_bits;
      break;
    case Opcode::V128Const:
      for (int i = 0; i < 16; ++i) v.v128[i] = ins.value.bytes[i];
      break;
    case Opcode::RefNull:
      v.ref = 0;
      break;
    case Opcode::RefFunc:
      v.ref = reinterpret_cast<uintptr_t>(env->funcs[ins.index]);
      break;
    case Opcode::GlobalGet:
      v = env->globals[ins.index]->value;
      break;
    // extended-const arithmetic
    case Opcode::I32Add:
      return binary([](ValRaw& a, ValRaw b) { a.i64 = uint32_t(a.i32 + b.i32); });
    case Opcode::I32Sub:
      return binary([](ValRaw& a, ValRaw b) { a.i64 = uint32_t(a.i32 - b.i32); });
    case Opcode::I32Mul:
      return binary([](ValRaw& a, ValRaw b) { a.i64 = uint32_t(a.i32 * b.i32); });
    case Opcode::I64Add:
      return binary([](ValRaw& a, ValRaw b) { a.i64 = a.i64 + b.i64; });
    case Opcode::I64Sub:
      return binary([](ValRaw& a, ValRaw b) { a.i64 = a.i64 - b.i64; });
    case Opcode::I64Mul:
      return binary([](ValRaw& a, ValRaw b) { a.i64 = a.i64 * b.i64; });
    case Opcode::End:
      return true;
    default:
      return false;
  }
  stack.push_back(v);
  return true;
}

Result<ValRaw> ConstEvaluator::evaluate(const ir::ConstExpr& expr, ir::ValType type,
                                        const ConstEnv& env) {
  visitor_.stack.clear();
  visitor_.env = &env;
  WEFT_TRY(decoder_.decode_const_expr(expr, type, context_.module.total_globals()));
  if (visitor_.stack.size() != 1) return Error{ErrorKind::Invalid, "constant expression required"};
  return visitor_.stack.back();
}

}  // namespace weft::runtime
