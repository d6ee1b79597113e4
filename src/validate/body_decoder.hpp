// BodyDecoder<Visitor, kValidate>: the one reader of instruction bytes in weft.
//
// It walks a function body (or a constant expression) once, decoding each opcode and its
// immediates with binary/instruction_reader.hpp (the encoding's one reader, shared with the
// module decoder), and keeps the operand-type stack and the control stack itself, as V8's
// function-body-decoder-impl.h does. Every instruction is then handed to the Visitor with its
// immediates; the visitor can read the typing state (control frames with their
// parameter/result/label types, operand types, dead code) through the decoder.
//
// - Validation is BodyDecoder<NullVisitor, true>. A lowering (compile/) plugs in its own visitor
//   and, for already-validated code, sets kValidate = false: the checks compile away while the
//   type and control stacks are still kept, for lowerings that read them. A visitor that keeps
//   its own operand stack declares `static constexpr bool kReadsOperandTypes = false;`; with
//   kValidate = false the decoder then keeps no operand types at all (see kTracksTypes).
// - Regular instructions are typed from the opcode table's signatures, precomputed into
//   kOpTypings; only the irregular ("*") ones are typed by hand (body_decoder_ops.hpp).
// - Nothing is allocated per instruction: the stacks are reused across bodies.
//
// Visitor interface (NullVisitor shows the defaults; hooks return false to stop decoding, after
// calling fail() on the decoder):
//   bool on_opcode(D&, ir::Opcode, uint64_t offset)   before the immediates are read
//   bool on_instruction(D&, const Instruction&)      after the instruction is typed: its operands
//       are popped and results pushed. block/loop/if: the new frame is control_at(0) (if's
//       condition popped, the block's parameters pushed again); else: the frame has become the
//       else arm; br/br_if/br_table/return: the target is control_at(ins.index) (return: the
//       function frame), and after br/br_table/return the rest of the frame is dead.
//       Exception: for `end` it runs while the ending frame is still control_at(0) (its values
//       popped, its results not yet pushed); for the body's final `end`, control_depth() is 1.
//   void on_begin(D&)                                 once per body, locals known, before decoding
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/reader.hpp"
#include "base/result.hpp"
#include "binary/instruction_reader.hpp"
#include "ir/module.hpp"
#include "validate/instruction.hpp"
#include "validate/module_context.hpp"
#include "validate/opcode_tables.hpp"

namespace weft::validate {

struct NullVisitor {
  template <class D>
  bool on_opcode(D&, ir::Opcode, uint64_t) {
    return true;
  }
  template <class D>
  bool on_instruction(D&, const Instruction&) {
    return true;
  }
  template <class D>
  void on_begin(D&) {}
};

// Whether visitor V reads the operand types through the decoder (stack_height(), stack_at(),
// frame heights, and the `type` of drop, select and ref.is_null). True unless V says otherwise.
template <typename V>
constexpr bool reads_operand_types() {
  if constexpr (requires { V::kReadsOperandTypes; }) {
    return V::kReadsOperandTypes;
  } else {
    return true;
  }
}

// Bodies with more locals than this keep them as runs (binary search) instead of one entry per
// local, so a tiny body declaring 2^32-1 locals costs no memory.
inline constexpr uint32_t kMaxFlatLocals = 1u << 16;

// The value types of the opcode table's signature letters, indexed by ValKind.
inline constexpr ir::ValType kKindTypes[] = {ir::ValType::i32(), ir::ValType::i64(),
                                             ir::ValType::f32(), ir::ValType::f64(),
                                             ir::ValType::v128()};

// Nullable references to each abstract heap type, in AbsHeap order.
inline constexpr ir::ValType kAbstractRefTypes[] = {
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::Func), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::Extern), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::Any), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::Eq), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::I31), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::Struct), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::Array), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::Exn), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::NoExn), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::NoFunc), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::NoExtern), true),
    ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::None), true),
};

// A stable address holding `t`, for one-value block types (frames point at their types).
// Returns nullptr for types without a canonical copy (typed references of later proposals).
inline const ir::ValType* canonical_value_type(ir::ValType t) {
  if (t.kind() <= ir::ValKind::V128) return &kKindTypes[static_cast<int>(t.kind())];
  if (t.is_ref() && t.nullable() && t.heap().is_abstract()) {
    const ir::ValType* r = &kAbstractRefTypes[static_cast<int>(t.heap().abs())];
    if (*r == t) return r;
  }
  return nullptr;
}

template <typename Visitor, bool kValidate = true>
class BodyDecoder {
  // Without validation, a visitor that does not read operand types needs no operand-type stack:
  // every push and pop below then compiles away (stack_height() stays 0, and the operand `type`
  // of drop, select and ref.is_null is bottom), which is a large part of decoding's cost.
  static constexpr bool kTracksTypes = kValidate || reads_operand_types<Visitor>();

 public:
  BodyDecoder(const ModuleContext& context, Visitor& visitor)
      : ctx_(context), module_(context.module), visitor_(visitor) {
    stack_.resize(256);
    ctrl_.reserve(64);
  }

  // Decodes the body of defined function `defined_index` (an index into Module::functions).
  Result<void> decode_function(uint32_t defined_index);

  // Decodes a constant expression that must produce one value of `type`. Only globals below
  // `visible_globals` may be named; ref.func needs no declaration (this is where they are made).
  // Which instructions are constant is the visitor's decision (see const_expr.hpp).
  Result<void> decode_const_expr(const ir::ConstExpr& expr, ir::ValType type,
                                 uint32_t visible_globals);

  // Decodes the body of defined function `defined_index` for malformed bytes only (opcodes,
  // immediates, nesting, the final `end`), ignoring typing. The spec decodes a whole module before
  // validating it, so a malformed body must win over an invalid construct found earlier; the
  // validator calls this after an Invalid error, which keeps the common path single-pass.
  Result<void> scan_syntax(uint32_t defined_index);

  // --- State for visitors.
  const ModuleContext& context() const { return ctx_; }
  const ir::Module& module() const { return module_; }
  uint32_t control_depth() const { return static_cast<uint32_t>(ctrl_.size()); }
  // depth 0 is the innermost frame, control_depth() - 1 the function's.
  const ControlFrame& control_at(uint32_t depth) const { return ctrl_[ctrl_.size() - 1 - depth]; }
  uint32_t stack_height() const { return sp_; }
  // Operand type at `index` from the bottom of the stack; bottom type in unreachable code.
  ir::ValType stack_at(uint32_t index) const { return stack_[index]; }
  bool unreachable() const { return ctrl_.back().unreachable; }
  uint32_t num_locals() const { return num_locals_; }
  ir::ValType local_type(uint32_t index) const;
  bool ok() const { return reader_.ok(); }

  // Stops decoding with an error (the first one wins).
  void fail(ErrorKind kind, uint64_t offset, std::string message) {
    if (!reader_.ok() || (syntax_only_ && kind != ErrorKind::Malformed)) return;
    error_kind_ = kind;
    reader_.fail_at(offset, std::move(message));
  }

 private:
  struct LocalRun {
    uint32_t end;  // one past the last local index of this run
    ir::ValType type;
  };

  Result<void> run();
  Error make_error() const;
  Error missing_end_error(bool at_function_level) const;

  // --- Operand stack.
  [[gnu::always_inline]] void push(ir::ValType t) {
    if constexpr (!kTracksTypes) return;
    if (sp_ == stack_.size()) [[unlikely]]
      stack_.resize(stack_.size() * 2);
    stack_[sp_++] = t;
  }
  [[gnu::always_inline]] void push_values(std::span<const ir::ValType> types) {
    if constexpr (!kTracksTypes) return;
    const size_t n = types.size();
    if (n == 0) return;
    if (sp_ + n > stack_.size()) [[unlikely]]
      stack_.resize(std::max(stack_.size() * 2, sp_ + n));
    ir::ValType* top = stack_.data() + sp_;
    for (size_t i = 0; i < n; ++i) top[i] = types[i];
    sp_ += static_cast<uint32_t>(n);
  }
  // Equality of value types with the common case first: types other than references are equal
  // exactly when their kinds are (their other fields keep their defaults).
  static bool same_type(ir::ValType a, ir::ValType b) {
    return a.kind() == b.kind() && (a.kind() != ir::ValKind::Ref || a == b);
  }
  static bool matches(ir::ValType actual, ir::ValType expected) {
    return actual == expected || actual.is_bot();
  }
  [[gnu::always_inline]] ir::ValType pop_any() {
    if constexpr (!kTracksTypes) return ir::ValType::bot();
    if (sp_ > ctrl_.back().height) [[likely]]
      return stack_[--sp_];
    return pop_any_empty();
  }
  ir::ValType pop_any_empty();
  // The common case inline: the expected type is on top, above the frame's height.
  [[gnu::always_inline]] void pop_expect(ir::ValType expected) {
    if constexpr (!kTracksTypes) return;
    if (sp_ > ctrl_.back().height && (!kValidate || same_type(stack_[sp_ - 1], expected)))
        [[likely]] {
      --sp_;
      return;
    }
    pop_expect_slow(expected);
  }
  void pop_expect_slow(ir::ValType expected);
  // Pops `types` (the last one on top). The common case, where the stack holds exactly those
  // types above the frame's height, is one comparison per value.
  [[gnu::always_inline]] void pop_values(std::span<const ir::ValType> types) {
    if constexpr (!kTracksTypes) return;
    const uint32_t n = static_cast<uint32_t>(types.size());
    if (sp_ - ctrl_.back().height >= n) [[likely]] {
      if (!kValidate ||
          std::equal(types.begin(), types.end(), stack_.begin() + (sp_ - n), same_type)) {
        sp_ -= n;
        return;
      }
    }
    for (size_t i = types.size(); i-- > 0;) pop_expect_slow(types[i]);
  }
  // Checks that the stack's top matches `types` without popping (br_table's targets).
  void check_top(std::span<const ir::ValType> types);
  [[gnu::always_inline]] inline void pop_regular(const OpTyping& t, bool address64);
  void set_unreachable() {
    ControlFrame& f = ctrl_.back();
    sp_ = f.height;
    f.unreachable = true;
  }
  void type_mismatch(ir::ValType expected, bool underflow, ir::ValType actual);
  // Pops a frame's results and requires the stack to end at the frame's height.
  [[gnu::always_inline]] inline void check_frame_end(const ControlFrame& f);
  [[gnu::cold]] void fail_values_left(uint32_t extra);
  [[gnu::always_inline]] inline void push_frame(FrameKind kind, const BlockType& bt);

  // --- Immediates, read with binary/instruction_reader.hpp plus the checks that need the module.
  [[gnu::always_inline]] inline void read_block_type(BlockType& bt);
  [[gnu::always_inline]] inline void read_memarg(uint8_t natural_align_log2);
  uint32_t read_memory_index() { return binary::read_memory_index(reader_, ctx_.features); }
  void read_lane(uint8_t lanes);
  // A memory's offsets are u64 when it is a 64-bit memory (memory64).
  auto offset_is64() const {
    return [this](uint32_t memory) {
      return ctx_.features.memory64 && memory < ctx_.memory_is64.size() && memory_is64(memory);
    };
  }

  // --- Index checks; each fails with the spec's "unknown ..." message and returns false.
  bool check_index(uint32_t index, uint32_t count, const char* what) {
    if (!kValidate || index < count) [[likely]]
      return true;
    fail_unknown(index, what);
    return false;
  }
  [[gnu::cold]] void fail_unknown(uint32_t index, const char* what);
  bool check_memory(uint32_t index) {
    return check_index(index, uint32_t(ctx_.memory_is64.size()), "memory");
  }
  bool check_table(uint32_t index) {
    return check_index(index, uint32_t(ctx_.tables.size()), "table");
  }
  bool check_func_type(uint32_t type_index) {
    if (!kValidate || module_.is_func_type(type_index)) [[likely]]
      return true;
    fail_unknown_type(type_index);
    return false;
  }
  [[gnu::cold]] void fail_unknown_type(int64_t type_index);
  // The signature of function `index` (which must be in range), or nullptr when its type index
  // names no func type. Filled once per decoder: calls are frequent.
  const ir::FuncType* callee_type(uint32_t index) const { return callee_types_[index]; }
  void fill_callee_types();
  bool memory_is64(uint32_t index) const { return ctx_.memory_is64[index] != 0; }
  ir::ValType table_address(uint32_t index) const {
    return ctx_.tables[index].limits.is64 ? ir::ValType::i64() : ir::ValType::i32();
  }
  ir::ValType memory_address(uint32_t index) const {
    return memory_is64(index) ? ir::ValType::i64() : ir::ValType::i32();
  }

  // --- Irregular instructions (body_decoder_ops.hpp).
  // The frequent ones are inlined into run(): a call's register saves cost as much as their work.
  [[gnu::always_inline]] inline void op_block(ir::Opcode op);
  void op_else();
  // Returns true when the body's final `end` was decoded.
  [[gnu::always_inline]] inline bool op_end();
  [[gnu::always_inline]] inline void op_br(ir::Opcode op);
  [[gnu::cold]] void fail_unknown_label(uint32_t depth);
  void op_br_table();
  [[gnu::always_inline]] inline void op_call(ir::Opcode op);
  void op_select(ir::Opcode op);
  [[gnu::always_inline]] inline void op_variable(ir::Opcode op);
  void op_table(ir::Opcode op);
  void op_memory(ir::Opcode op);
  void op_reference(ir::Opcode op);
  void op_regular(ir::Opcode op);

  const ModuleContext& ctx_;
  const ir::Module& module_;
  Visitor& visitor_;
  Reader reader_;
  ErrorKind error_kind_ = ErrorKind::Malformed;
  Instruction ins_;

  std::vector<ir::ValType> stack_;
  uint32_t sp_ = 0;
  std::vector<ControlFrame> ctrl_;
  std::vector<uint32_t> br_targets_;
  std::vector<const ir::FuncType*> callee_types_;  // by function index, see callee_type()

  uint32_t num_locals_ = 0;
  std::vector<ir::ValType> flat_locals_;
  std::vector<LocalRun> local_runs_;  // used when num_locals_ > kMaxFlatLocals

  uint32_t visible_globals_ = 0;
  bool check_func_refs_ = true;
  bool syntax_only_ = false;
  ir::ValType const_expr_type_;  // the result type of the constant expression being decoded
};

// ---------------------------------------------------------------------------------------------

template <typename V, bool kValidate>
ir::ValType BodyDecoder<V, kValidate>::local_type(uint32_t index) const {
  if (num_locals_ <= kMaxFlatLocals) return flat_locals_[index];
  auto it = std::upper_bound(local_runs_.begin(), local_runs_.end(), index,
                             [](uint32_t i, const LocalRun& r) { return i < r.end; });
  return it->type;
}

template <typename V, bool kValidate>
Result<void> BodyDecoder<V, kValidate>::decode_function(uint32_t defined_index) {
  const ir::Function& fn = module_.functions[defined_index];
  const uint64_t body_end = uint64_t{fn.body.offset} + fn.body.size;
  if (body_end > module_.bytes.size()) {
    return Error::at_offset(ErrorKind::Malformed, fn.body.offset,
                            "unexpected end of section or function");
  }
  if (!module_.is_func_type(fn.type_index)) {
    return Error::at_offset(ErrorKind::Invalid, fn.body.offset,
                            "unknown type " + std::to_string(fn.type_index));
  }
  const ir::FuncType& type = module_.func_type(fn.type_index);

  // Locals: the parameters, then the declared runs.
  uint64_t total = type.params.size();
  for (const ir::LocalDecl& d : fn.locals) total += d.count;
  if (total > UINT32_MAX) {
    return Error::at_offset(ErrorKind::Malformed, fn.body.offset, "too many locals");
  }
  num_locals_ = static_cast<uint32_t>(total);
  if (num_locals_ <= kMaxFlatLocals) {
    flat_locals_.resize(num_locals_);
    ir::ValType* out = std::copy(type.params.begin(), type.params.end(), flat_locals_.data());
    for (const ir::LocalDecl& d : fn.locals) out = std::fill_n(out, d.count, d.type);
  } else {
    local_runs_.clear();
    uint32_t end = 0;
    for (ir::ValType p : type.params) local_runs_.push_back({++end, p});
    for (const ir::LocalDecl& d : fn.locals) {
      if (d.count == 0) continue;
      end += d.count;
      local_runs_.push_back({end, d.type});
    }
  }

  visible_globals_ = module_.total_globals();
  check_func_refs_ = true;
  if (callee_types_.size() != ctx_.func_type_indices.size()) fill_callee_types();
  reader_ = Reader(module_.bytes.data() + fn.body.offset, fn.body.size, fn.body.offset);
  ctrl_.clear();
  sp_ = 0;
  ControlFrame& frame = ctrl_.emplace_back();  // in place, see push_frame()
  frame.kind = FrameKind::Function;
  frame.offset = fn.body.offset;
  frame.results = type.results.data();
  frame.num_results = static_cast<uint32_t>(type.results.size());
  return run();
}

template <typename V, bool kValidate>
Result<void> BodyDecoder<V, kValidate>::decode_const_expr(const ir::ConstExpr& expr,
                                                          ir::ValType type,
                                                          uint32_t visible_globals) {
  const ir::ByteRange code = expr.code;
  if (uint64_t{code.offset} + code.size > module_.bytes.size()) {
    return Error::at_offset(ErrorKind::Malformed, code.offset, "unexpected end");
  }
  num_locals_ = 0;
  flat_locals_.clear();
  visible_globals_ = visible_globals;
  check_func_refs_ = false;
  if (callee_types_.size() != ctx_.func_type_indices.size()) fill_callee_types();
  const_expr_type_ = type;
  reader_ = Reader(module_.bytes.data() + code.offset, code.size, code.offset);
  ctrl_.clear();
  sp_ = 0;
  ControlFrame& frame = ctrl_.emplace_back();  // in place, see push_frame()
  frame.kind = FrameKind::Function;
  frame.offset = code.offset;
  frame.results = &const_expr_type_;
  frame.num_results = 1;
  return run();
}

template <typename V, bool kValidate>
Error BodyDecoder<V, kValidate>::make_error() const {
  std::string message = reader_.error_message();
  // Inside a body the end of input is the end of the function (or expression), which the spec's
  // reference decoder reports with this longer wording ("unexpected end" is its prefix).
  if (message == "unexpected end") message = "unexpected end of section or function";
  return Error::at_offset(error_kind_, reader_.error_offset(), std::move(message));
}

template <typename V, bool kValidate>
Result<void> BodyDecoder<V, kValidate>::run() {
  error_kind_ = ErrorKind::Malformed;
  visitor_.on_begin(*this);
  bool finished = false;

  while (!reader_.at_end()) {
    const uint64_t offset = reader_.offset();
    ir::Opcode op;
    if (!binary::read_opcode(reader_, ctx_.features, offset, op)) break;
    if (!visitor_.on_opcode(*this, op, offset)) break;
    ins_.op = op;
    ins_.offset = offset;
    ins_.dead = ctrl_.back().unreachable;
    const auto index = static_cast<size_t>(op);

    using ir::Opcode;
    switch (op) {
      case Opcode::Unreachable:
        set_unreachable();
        break;
      case Opcode::Block:
      case Opcode::Loop:
      case Opcode::If:
        op_block(op);
        break;
      case Opcode::Else:
        op_else();
        break;
      case Opcode::End:
        // The visitor has been called inside, before the frame was popped.
        finished = op_end();
        if (finished || !reader_.ok()) goto done;
        continue;
      case Opcode::Br:
      case Opcode::BrIf:
      case Opcode::Return:
        op_br(op);
        break;
      case Opcode::BrTable:
        op_br_table();
        break;
      case Opcode::Call:
      case Opcode::CallIndirect:
        op_call(op);
        break;
      case Opcode::Drop:
        ins_.type = pop_any();
        break;
      case Opcode::Select:
      case Opcode::SelectT:
        op_select(op);
        break;
      case Opcode::LocalSet:
      case Opcode::LocalTee:
      case Opcode::GlobalGet:
      case Opcode::GlobalSet:
        op_variable(op);
        break;
      case Opcode::TableGet:
      case Opcode::TableSet:
      case Opcode::TableInit:
      case Opcode::ElemDrop:
      case Opcode::TableCopy:
      case Opcode::TableGrow:
      case Opcode::TableSize:
      case Opcode::TableFill:
        op_table(op);
        break;
      case Opcode::MemorySize:
      case Opcode::MemoryGrow:
      case Opcode::MemoryInit:
      case Opcode::DataDrop:
      case Opcode::MemoryCopy:
      case Opcode::MemoryFill:
        op_memory(op);
        break;
      case Opcode::RefNull:
      case Opcode::RefIsNull:
      case Opcode::RefFunc:
        op_reference(op);
        break;
      case Opcode::I32Const:
        ins_.value.i32 = binary::read_i32_immediate(reader_);
        push(ir::ValType::i32());
        break;
      case Opcode::I64Const:
        ins_.value.i64 = binary::read_i64_immediate(reader_);
        push(ir::ValType::i64());
        break;
      case Opcode::F32Const:
        ins_.value.f64_bits = 0;
        binary::read_immediate_bytes(reader_, &ins_.value.f32_bits, 4);
        push(ir::ValType::f32());
        break;
      case Opcode::F64Const:
        binary::read_immediate_bytes(reader_, &ins_.value.f64_bits, 8);
        push(ir::ValType::f64());
        break;
      case Opcode::LocalGet:
        // The most frequent instruction in compiled code gets the shortest path.
        ins_.index = reader_.u32();
        if (kValidate && ins_.index >= num_locals_) {
          check_index(ins_.index, num_locals_, "local");
          break;
        }
        ins_.type = local_type(ins_.index);
        push(ins_.type);
        break;
      default: {
        const OpTyping& t = kOpTypings[index];
        if (t.imm == ir::Imm::None && !t.irregular) [[likely]] {
          pop_regular(t, false);
          if (t.num_results != 0) push(kKindTypes[static_cast<int>(t.result)]);
        } else if (!kTracksTypes && t.imm == ir::Imm::MemArg) {
          read_memarg(t.arg);  // loads and stores: without typing, the immediate is all
        } else {
          op_regular(op);
        }
        break;
      }
    }
    if (!reader_.ok()) break;
    if (!visitor_.on_instruction(*this, ins_)) break;
  }
done:
  if (!reader_.ok()) {
    // A visitor that stopped without saying why still gets an error.
    if (reader_.error_message().empty()) return Error{ErrorKind::Invalid, "rejected by visitor"};
    return make_error();
  }
  if (!finished) return missing_end_error(ctrl_.size() == 1);
  return {};
}

// --- Operand stack -------------------------------------------------------------------------------

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::type_mismatch(ir::ValType expected, bool underflow,
                                              ir::ValType actual) {
  std::string message = "type mismatch: expected " + ir::to_string(expected);
  message += underflow ? ", but the stack is empty" : ", found " + ir::to_string(actual);
  fail(ErrorKind::Invalid, ins_.offset, std::move(message));
}

template <typename V, bool kValidate>
ir::ValType BodyDecoder<V, kValidate>::pop_any_empty() {
  if (kValidate && !ctrl_.back().unreachable) {
    fail(ErrorKind::Invalid, ins_.offset,
         "type mismatch: expected a value, but the stack is empty");
  }
  return ir::ValType::bot();
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::pop_expect_slow(ir::ValType expected) {
  const ControlFrame& f = ctrl_.back();
  if (sp_ == f.height) {
    if (kValidate && !f.unreachable) type_mismatch(expected, true, expected);
    return;
  }
  const ir::ValType actual = stack_[--sp_];
  if (kValidate && !matches(actual, expected)) type_mismatch(expected, false, actual);
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::check_top(std::span<const ir::ValType> types) {
  if constexpr (!kValidate) return;
  const ControlFrame& f = ctrl_.back();
  const uint32_t available = sp_ - f.height;
  const size_t n = types.size();
  for (size_t i = 0; i < n; ++i) {
    const ir::ValType expected = types[n - 1 - i];
    if (i >= available) {
      if (!f.unreachable) type_mismatch(expected, true, expected);
      return;
    }
    const ir::ValType actual = stack_[sp_ - 1 - i];
    if (!matches(actual, expected)) {
      type_mismatch(expected, false, actual);
      return;
    }
  }
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::check_frame_end(const ControlFrame& f) {
  pop_values(f.result_types());
  if (kValidate && sp_ != f.height && reader_.ok()) [[unlikely]]
    fail_values_left(sp_ - f.height);
  sp_ = f.height;
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::fail_values_left(uint32_t extra) {
  fail(ErrorKind::Invalid, ins_.offset,
       "type mismatch: " + std::to_string(extra) + " value" + (extra == 1 ? "" : "s") +
           " left on the stack at the end of the block");
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::push_frame(FrameKind kind, const BlockType& bt) {
  const ir::ValType* params = nullptr;
  const ir::ValType* results = nullptr;
  uint32_t num_params = 0;
  uint32_t num_results = 0;
  switch (bt.kind) {
    case BlockKind::Empty:
      break;
    case BlockKind::Value:
      results = canonical_value_type(bt.value);
      num_results = 1;
      if (results == nullptr) [[unlikely]] {
        fail(ErrorKind::Unsupported, ins_.offset, "block type " + ir::to_string(bt.value));
        return;
      }
      break;
    case BlockKind::Index: {
      const ir::FuncType& ft = module_.func_type(bt.type_index);
      params = ft.params.data();
      num_params = static_cast<uint32_t>(ft.params.size());
      results = ft.results.data();
      num_results = static_cast<uint32_t>(ft.results.size());
      pop_values({params, num_params});
      break;
    }
  }
  // Filled in place, field by field: building the frame in a temporary and copying it made the
  // copy's wide loads wait on the temporary's narrow stores (a store-forwarding stall).
  ControlFrame& f = ctrl_.emplace_back();
  f.kind = kind;
  f.height = sp_;
  f.offset = ins_.offset;
  f.params = params;
  f.results = results;
  f.num_params = num_params;
  f.num_results = num_results;
  push_values({params, num_params});
}

}  // namespace weft::validate

#include "validate/body_decoder_immediates.hpp"
#include "validate/body_decoder_ops.hpp"
