// Evaluation of constant expressions (global initializers, segment offsets, element items) at
// instantiation: a visitor on validate/'s BodyDecoder, the one reader of instruction bytes.
#pragma once

#include <vector>

#include "base/result.hpp"
#include "ir/module.hpp"
#include "runtime/vm.hpp"
#include "validate/body_decoder.hpp"

namespace weft::runtime {

// What a constant expression may read: the instance's globals and function references.
struct ConstEnv {
  GlobalCell* const* globals = nullptr;
  VMFuncRef* const* funcs = nullptr;
};

class ConstEvaluator {
 public:
  explicit ConstEvaluator(const ir::Module& module);
  // The expression's value; the module must have been validated.
  Result<ValRaw> evaluate(const ir::ConstExpr& expr, ir::ValType type, const ConstEnv& env);

  struct Visitor : validate::NullVisitor {
    std::vector<ValRaw> stack;
    const ConstEnv* env = nullptr;
    template <class D>
    bool on_instruction(D& d, const validate::Instruction& ins) {
      return step(ins) ||
             (d.fail(ErrorKind::Invalid, ins.offset, "constant expression required"), false);
    }
    bool step(const validate::Instruction& ins);
  };

 private:
  validate::ModuleContext context_;
  Visitor visitor_;
  validate::BodyDecoder<Visitor, false> decoder_;
};

}  // namespace weft::runtime
