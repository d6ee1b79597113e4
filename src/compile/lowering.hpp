// The lowering visitor (see lower.cpp for the pass and its invariants), shared by the files
// that implement its parts: lower.cpp (control, plain instructions, the module driver) and
// lower_simd.cpp. Internal to compile/.
//
// The lowering visitor: one pass over a validated body with BodyDecoder, keeping a symbolic
// operand stack so that local.get and constants cost no instruction (INTERPRETER.md, section 4).
//
// Invariants that keep the folding sound:
// - An entry is Temp (its value sits in the temp of its stack height), Local (read the local's
//   slot when consumed) or Const. Temps are written only at their own height, so they never
//   alias. Each entry knows its width (v128: two slots); pos(h) is the summed width of the
//   entries below height h, which places the temp of height h.
// - At every block, loop and if, the whole stack is written out (materialized): below a label's
//   base everything is a Temp, and all paths reaching the label agree on where values are.
// - local.set/tee x first writes out the pending Local(x) entries.
// - A producer's destination is retargeted to a local only when it is the very last emitted
//   instruction and no label was bound since.
#pragma once

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compile/lower.hpp"
#include "compile/op_tables.hpp"
#include "validate/body_decoder.hpp"

namespace weft::compile::lowering {

using ir::Opcode;
using validate::Instruction;

constexpr size_t kNone = SIZE_MAX;
// Frames are addressed with u32 byte offsets; keep them far below that.
constexpr uint64_t kMaxFrameSlots = uint64_t{1} << 24;

struct Entry {
  enum Kind : uint8_t { Temp, Local, Const };
  Kind kind = Temp;
  bool wide = false;   // a v128, in two slots
  uint32_t local = 0;  // Local: the local's first slot
  uint64_t value = 0;  // Const: the bits (a v128's low half)
  uint64_t value_hi = 0;
};

inline Entry constant(uint64_t bits) {
  Entry e;
  e.kind = Entry::Const;
  e.value = bits;
  return e;
}

inline Entry temp_entry(bool wide) {
  Entry e;
  e.wide = wide;
  return e;
}

// The symbolic stack: its entries and where each height's temp lies. pos(h) is the summed width
// of the entries below height h; it stays valid for the heights of entries just popped, until
// something is pushed there again. Pushes are inline (almost every instruction pushes, and
// std::vector's push_back is not inlined), and the storage is kept from body to body.
class EntryStack {
 public:
  EntryStack() { grow(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Entry& operator[](size_t i) { return entries_[i]; }
  const Entry& operator[](size_t i) const { return entries_[i]; }
  Entry& back() { return entries_[size_ - 1]; }
  uint32_t pos(size_t h) const { return pos_[h]; }
  // The most slots the entries have taken since clear().
  uint32_t max_slots() const { return max_slots_; }
  void pop_back() { --size_; }
  void clear() {
    size_ = 0;
    max_slots_ = 0;
  }
  // Pops down to height n, or pushes narrow temps up to it.
  void resize(size_t n) {
    if (n <= size_) {
      size_ = n;
      return;
    }
    while (size_ < n) push_back(Entry{});
  }
  [[gnu::always_inline]] void push_back(const Entry& e) {
    // Field by field: copied whole, a temporary that the compiler built with narrower stores
    // makes the copy's wide load wait for them (a failed store forward, a dozen cycles). Read
    // before grow(), as `e` may be an entry of this stack (std::vector allows that too).
    const Entry::Kind kind = e.kind;
    const bool wide = e.wide;
    const uint32_t local = e.local;
    const uint64_t value = e.value, value_hi = e.value_hi;
    if (size_ == capacity_) [[unlikely]]
      grow();
    Entry& slot = entries_[size_];
    slot.kind = kind;
    slot.wide = wide;
    slot.local = local;
    slot.value = value;
    slot.value_hi = value_hi;
    const uint32_t end = pos_[size_] + (wide ? 2 : 1);
    pos_[++size_] = end;
    if (end > max_slots_) [[unlikely]]
      max_slots_ = end;  // a branch, not a store on every push
  }

 private:
  [[gnu::noinline]] void grow() {
    capacity_ = 2 * capacity_ + 16;
    entry_storage_.resize(capacity_);
    pos_storage_.resize(capacity_ + 1);  // pos_[0] stays 0
    entries_ = entry_storage_.data();
    pos_ = pos_storage_.data();
  }
  Entry* entries_ = nullptr;
  uint32_t* pos_ = nullptr;  // capacity_ + 1 of them
  size_t size_ = 0;
  size_t capacity_ = 0;
  uint32_t max_slots_ = 0;
  std::vector<Entry> entry_storage_;
  std::vector<uint32_t> pos_storage_;
};

// Where each local starts: runs of locals of one width, as the decoder keeps its local types.
struct LocalRun {
  uint32_t first_index;
  uint64_t first_slot;
  bool wide;
};

enum class LabelKind : uint8_t { Function, Block, Loop, If };

struct Label {
  LabelKind kind = LabelKind::Block;
  bool entered_live = true;
  uint32_t base = 0;  // stack height below the label's parameters
  uint32_t num_params = 0;
  uint32_t num_results = 0;
  const ir::FuncType* type = nullptr;  // the signature when given by a type index
  bool value_wide = false;             // else: its single result (if any) is a v128
  size_t loop_start = 0;               // Loop: word index of the first instruction
  size_t else_fixup = kNone;           // If: the BrUnless target word
  std::vector<size_t> fixups;          // words that receive the label's end address
  uint32_t arity() const { return kind == LabelKind::Loop ? num_params : num_results; }
  bool param_wide(uint32_t k) const { return type != nullptr && type->params[k].is_vec(); }
  bool result_wide(uint32_t k) const {
    return type != nullptr ? type->results[k].is_vec() : value_wide;
  }
};

// The label stack's storage: a popped label keeps its fixup vector's memory for the next block
// that reuses its place, so lowering a body's branches allocates next to nothing.
class LabelStack {
 public:
  size_t size() const { return size_; }
  Label& operator[](size_t i) { return data_[i]; }
  Label& front() { return data_[0]; }
  Label& back() { return data_[size_ - 1]; }
  void pop_back() { --size_; }
  void clear() { size_ = 0; }
  // A new label on top, with its fields at their defaults. References to labels stay valid until
  // the next push.
  Label& push() {
    if (size_ == data_.size()) data_.emplace_back();
    Label& l = data_[size_++];
    std::vector<size_t> fixups = std::move(l.fixups);
    fixups.clear();
    l = Label{};
    l.fixups = std::move(fixups);
    return l;
  }

 private:
  std::vector<Label> data_;
  size_t size_ = 0;
};

class Lowering {
 public:
  // The lowering keeps its own symbolic stack, so the decoder need not type the operands.
  static constexpr bool kReadsOperandTypes = false;

  Lowering(const ir::Module& module, HandlerTable handlers, const LowerOptions& options,
           ModuleCode& out)
      : module_(module),
        handlers_(handlers),
        options_(options),
        out_(out),
        interruptible_(options.consume_fuel || options.epoch_interruption) {}

  template <class D>
  void on_begin(D& d) {
    (void)d;
    // Runs of equal width: one per parameter, one per declared run.
    local_runs_.clear();
    num_local_slots_ = 0;
    has_wide_locals_ = false;
    const ir::Function& fn = module_.functions[defined_index_];
    const ir::FuncType& type = module_.func_type(fn.type_index);
    uint32_t index = 0;
    const auto add_run = [&](uint32_t count, bool wide) {
      if (count == 0) return;
      local_runs_.push_back(LocalRun{index, num_local_slots_, wide});
      index += count;
      num_local_slots_ += uint64_t{count} * (wide ? 2 : 1);
      has_wide_locals_ |= wide;
    };
    for (ir::ValType t : type.params) add_run(1, t.is_vec());
    for (const ir::LocalDecl& l : fn.locals) add_run(l.count, l.type.is_vec());
    temp_slot_budget_ =
        num_local_slots_ + 2 < kMaxFrameSlots ? kMaxFrameSlots - num_local_slots_ - 2 : 0;
  }
  template <class D>
  bool on_opcode(D&, Opcode, uint64_t) {
    return true;
  }
  template <class D>
  [[gnu::always_inline]] bool on_instruction(D& d, const Instruction& ins) {
    if (lower(ins)) return true;
    d.fail(error_kind_, ins.offset, error_);
    return false;
  }

  // Prepares for the body of defined function `index`; call before decoding it.
  void begin_function(uint32_t index) {
    defined_index_ = index;
    code_.clear();
    relocs_.clear();
    stack_.clear();
    labels_.clear();
    live_ = true;
    producer_end_ = kNone;
    set_end_ = kNone;
    label_at_ = kNone;
    last_op_ = Op::Count;
    const ir::Function& fn = module_.functions[index];
    const ir::FuncType& type = module_.func_type(fn.type_index);
    // Code takes about one cell per two body bytes: growing in steps would copy it over again.
    code_.reserve(fn.body.size);
    Label& f = labels_.push();
    f.kind = LabelKind::Function;
    f.type = &type;
    f.num_results = static_cast<uint32_t>(type.results.size());
    fuel_cost_word_ = kNone;
    start_block(true);
  }

  // Completes the function once the body is decoded.
  Result<void> finish_function() {
    const uint64_t frame = num_local_slots_ + stack_.max_slots() + 1;
    if (frame > kMaxFrameSlots) return Error{ErrorKind::OutOfMemory, "function frame too large"};
    std::vector<Cell>& body = out_.bodies[defined_index_];
    body.assign(code_.begin(), code_.end());  // exact size; code_ keeps its capacity
    for (size_t pos : relocs_) body[pos] = reinterpret_cast<uintptr_t>(body.data() + body[pos]);
    // lower_module filled in the rest before any call could reach the function.
    publish_lowered(out_.funcs[defined_index_], body.data(),
                    static_cast<uint32_t>(num_local_slots_), static_cast<uint32_t>(frame));
    return {};
  }

  // Leaves room for the widest push (two slots) of the next instruction.
  bool check_frame() const { return stack_.max_slots() < temp_slot_budget_; }

 private:
  // --- Emission.
  [[gnu::always_inline]] void emit_op(Op op) {
    before_last_op_start_ = last_op_start_;
    before_last_op_ = last_op_;
    last_op_start_ = here();
    last_op_ = op;
    code_.push_back(reinterpret_cast<uintptr_t>(handlers_[static_cast<size_t>(op)]));
  }
  [[gnu::always_inline]] void emit(Cell c) { code_.push_back(c); }
  [[gnu::always_inline]] size_t here() const { return code_.size(); }
  // A word that will hold the address of `target` (a word index) once the code is final.
  void emit_target(size_t target) {
    relocs_.push_back(here());
    emit(target);
  }
  size_t emit_fixup() {
    relocs_.push_back(here());
    emit(0);
    return here() - 1;
  }
  void bind(size_t fixup) { code_[fixup] = here(); }
  void label_bound() {
    producer_end_ = kNone;
    set_end_ = kNone;
    label_at_ = here();
  }

  // The temp of stack height `height`: valid up to the current height, and for the heights
  // of entries just popped (EntryStack::pos).
  [[gnu::always_inline]] uint32_t temp(uint32_t height) const {
    return static_cast<uint32_t>(num_local_slots_) + stack_.pos(height);
  }
  uint32_t local_slot(uint32_t index) const {
    if (!has_wide_locals_) return index;
    auto it = std::upper_bound(local_runs_.begin(), local_runs_.end(), index,
                               [](uint32_t i, const LocalRun& r) { return i < r.first_index; });
    --it;
    return static_cast<uint32_t>(it->first_slot +
                                 uint64_t{index - it->first_index} * (it->wide ? 2 : 1));
  }
  static uint32_t off(uint32_t slot) { return slot_offset(slot); }

  // --- Interruption checks (LowerOptions::consume_fuel, epoch_interruption). Each straight-line
  // block (function entry, loop head, after an if, else or end) starts with a check that the
  // block's first instruction emits, so no check is emitted for an empty block, a label bound
  // at the block's start lands on it, and a loop's head is its first instruction. Fuel counts
  // the block's instructions in the check's cost word as they are lowered (an early exit
  // still pays for the rest of its block).
  static constexpr uint8_t kFuelCheck = 1, kEpochCheck = 2;
  void start_block(bool entry_or_loop) {
    pending_checks_ =
        static_cast<uint8_t>((options_.consume_fuel ? kFuelCheck : 0) |
                             (entry_or_loop && options_.epoch_interruption ? kEpochCheck : 0));
  }
  // Before each live instruction other than else and end. Free instructions emit no code that
  // could be a branch target or loop back, so they leave a pending check to the next one.
  void charge(Opcode op) {
    // As wasmtime counts: structure, nop, drop, unreachable and return are free.
    const bool free = op == Opcode::Nop || op == Opcode::Drop || op == Opcode::Block ||
                      op == Opcode::Loop || op == Opcode::Unreachable || op == Opcode::Return;
    if (free) return;
    if (pending_checks_ != 0) {
      emit_op(pending_checks_ == kFuelCheck    ? Op::Fuel
              : pending_checks_ == kEpochCheck ? Op::Epoch
                                               : Op::FuelEpoch);
      fuel_cost_word_ = kNone;
      if (pending_checks_ & kFuelCheck) {
        fuel_cost_word_ = here();
        emit(0);
      }
      pending_checks_ = 0;
      producer_end_ = kNone;  // no fusion may remove the check
      set_end_ = kNone;
    }
    if (fuel_cost_word_ != kNone) ++code_[fuel_cost_word_];
  }

  // --- Symbolic stack.
  [[gnu::always_inline]] void push(const Entry& e) { stack_.push_back(e); }
  [[gnu::always_inline]] void push_temp(bool wide = false) { push(temp_entry(wide)); }
  [[gnu::always_inline]] Entry pop() {
    const Entry& top = stack_.back();
    Entry e;  // field by field, as EntryStack::push_back stores it
    e.kind = top.kind;
    e.wide = top.wide;
    e.local = top.local;
    e.value = top.value;
    e.value_hi = top.value_hi;
    stack_.pop_back();
    return e;
  }
  uint32_t height() const { return static_cast<uint32_t>(stack_.size()); }

  // Writes `e` (consumed at `h`) into slot `dst` unless it is already there.
  void move_to(const Entry& e, uint32_t h, uint32_t dst) {
    switch (e.kind) {
      case Entry::Temp:
        if (temp(h) == dst) return;
        return emit_copy(e.wide, off(dst), off(temp(h)));
      case Entry::Local:
        if (e.local == dst) return;
        return emit_copy(e.wide, off(dst), off(e.local));
      case Entry::Const:
        emit_op(e.wide ? Op::Const128 : Op::Const);
        emit(pack(off(dst), 0));
        emit(e.value);
        if (e.wide) emit(e.value_hi);
        return;
    }
  }
  // A copy straight after another one, with no label between, joins it as a Copy2: moves come
  // in runs (branch values, loop variables rotated by local.set).
  void emit_copy(bool wide, uint32_t dst, uint32_t src) {
    if (!wide && last_op_ == Op::Copy && last_op_start_ + 2 == here() && label_at_ != here()) {
      code_[last_op_start_] =
          reinterpret_cast<uintptr_t>(handlers_[static_cast<size_t>(Op::Copy2)]);
      last_op_ = Op::Copy2;
      emit(pack(dst, src));
      return;
    }
    emit_op(wide ? Op::Copy128 : Op::Copy);
    emit(pack(dst, src));
  }
  void materialize(uint32_t h) {
    Entry& e = stack_[h];
    if (e.kind == Entry::Temp) return;
    move_to(e, h, temp(h));
    // Now a temp of the same width, field by field as EntryStack::push_back writes entries.
    e.kind = Entry::Temp;
    e.local = 0;
    e.value = 0;
    e.value_hi = 0;
  }
  void flush_all() {
    for (uint32_t h = 0; h < height(); ++h) materialize(h);
  }
  // The slot offset of operand `e` consumed at height `h`; constants go to their temp slot.
  uint32_t operand(const Entry& e, uint32_t h) {
    switch (e.kind) {
      case Entry::Temp:
        return off(temp(h));
      case Entry::Local:
        return off(e.local);
      case Entry::Const:
        move_to(e, h, temp(h));
        return off(temp(h));
    }
    return 0;
  }
  // An operation of one operand and one result, both 8-byte: [dst | src], then the index
  // immediate when the operation has one ([dst | src][index]).
  bool lower_one_operand(Op op, std::optional<uint32_t> index = std::nullopt) {
    const uint32_t h = height() - 1;
    const Entry v = pop();
    const uint32_t s = operand(v, h);
    emit_op(op);
    const size_t w = here();
    emit(pack(off(temp(h)), s));
    if (index) emit(*index);
    produced(w, h);
    return true;
  }

  // An operation with no operand, an index immediate and one 8-byte result: [dst | index].
  bool lower_index_only(Op op, uint32_t index) {
    emit_op(op);
    const size_t w = here();
    emit(pack(off(temp(height())), index));
    produced(w, height());
    return true;
  }

  // Records that the last instruction wrote temp(h) through the low half of word `dst_word`.
  [[gnu::always_inline]] void produced(size_t dst_word, uint32_t h, bool wide = false) {
    producer_start_ = last_op_start_;
    producer_op_ = last_op_;
    producer_word_ = dst_word;
    producer_end_ = here();
    producer_height_ = h;
    push_temp(wide);
  }
  // Whether the top entry (at height h, already popped as `e`) was just produced and may have
  // its destination changed.
  bool retargetable(const Entry& e, uint32_t h) const {
    return e.kind == Entry::Temp && producer_end_ == here() && producer_height_ == h;
  }
  // When `cond` (consumed at height h) was just produced by a comparison or i32.eqz, replaces
  // that instruction with a branch taken when the condition is `when_true`, leaving the
  // target word to the caller. Saves a dispatch on most loop back-edges.
  bool fuse_condition(const Entry& cond, uint32_t h, bool when_true) {
    if (fuse_result_branch(cond, h, when_true)) return true;
    if (!retargetable(cond, h)) return false;
    const Cell w1 = code_[producer_start_ + 1];
    if (producer_op_ == Op::I32Eqz) {
      if (fuse_eqz_of_result(w1, when_true)) return true;
      code_.resize(producer_start_);
      producer_end_ = kNone;
      emit_op(when_true ? Op::BrUnless : Op::BrIf);
      emit(pack(high_half(w1), 0));
      return true;
    }
    const std::optional<std::pair<Op, bool>> cmp = comparison_of(producer_op_);
    if (!cmp) return false;
    if (fuse_step_branch(cmp->first, cmp->second, when_true)) return true;
    const Cell w2 = code_[producer_start_ + 2];
    code_.resize(producer_start_);
    producer_end_ = kNone;
    const bool imm = cmp->second;
    emit_op(op_plus(cmp->first, 2 + (when_true ? 0 : 2) + (imm ? 1 : 0)));
    if (imm) {
      emit(pack(high_half(w1), 0));
      emit(w2);
    } else {
      emit(pack(high_half(w1), low_half(w2)));
    }
    return true;
  }
  // When the comparison just produced (a condition fuse_condition is fusing) compares the sum
  // that the instruction right before it computed (i32.add, or i32.sub of a constant), with no
  // label between them, makes the pair one step-and-branch (step_branch_ops.hpp), leaving the
  // target word to the caller.
  bool fuse_step_branch(Op compare, bool compare_imm, bool when_true) {
    const std::optional<uint8_t> index = step_branch_compare(compare);
    if (!index) return false;
    const Op add = before_last_op_;
    const size_t start = before_last_op_start_;
    const bool step_imm = add == Op::I32AddImm || add == Op::I32SubImm;
    if (!step_imm && add != Op::I32Add) return false;
    if (start + 3 != producer_start_ || label_at_ == producer_start_ ||
        code_[start] != reinterpret_cast<uintptr_t>(handlers_[static_cast<size_t>(add)]))
      return false;
    const Cell a1 = code_[start + 1], a2 = code_[start + 2];
    const Cell c1 = code_[producer_start_ + 1], c2 = code_[producer_start_ + 2];
    if (high_half(c1) != low_half(a1)) return false;  // the comparison reads another value
    const uint32_t k = add == Op::I32SubImm ? 0u - static_cast<uint32_t>(a2) : low_half(a2);
    code_.resize(start);
    producer_end_ = kNone;
    set_end_ = kNone;
    emit_op(step_branch_op({step_imm, *index, compare_imm, when_true}));
    emit(a1);
    emit(k);
    emit(compare_imm ? c2 : Cell{low_half(c2)});
    return true;
  }
  // When `cond` (consumed at height h) is the result of an i32.add, sub or and that the last
  // instruction computed into its temp, or into the local that `cond` reads (local.tee, or
  // local.set and local.get), makes that instruction also the branch (as fuse_condition). It
  // still writes its result, which the local may need.
  bool fuse_result_branch(const Entry& cond, uint32_t h, bool when_true) {
    const bool into_temp = retargetable(cond, h);
    const bool into_local =
        cond.kind == Entry::Local && set_end_ == here() && set_local_ == cond.local;
    if (!into_temp && !into_local) return false;
    const std::optional<Op> fused = result_branch_of(producer_op_);
    if (!fused) return false;
    const Cell w1 = code_[producer_start_ + 1], w2 = code_[producer_start_ + 2];
    code_.resize(producer_start_);
    producer_end_ = kNone;
    set_end_ = kNone;
    emit_op(when_true ? *fused : next_op(*fused));
    emit(w1);
    emit(w2);
    return true;
  }
  // The i32.add, sub or and (or Imm form) that is also a branch on its result (BrIf; the
  // BrUnless form follows it).
  static std::optional<Op> result_branch_of(Op op) {
    static constexpr std::pair<Op, Op> kFusions[] = {
        {Op::I32Add, Op::I32AddBrIf}, {Op::I32AddImm, Op::I32AddImmBrIf},
        {Op::I32Sub, Op::I32SubBrIf}, {Op::I32SubImm, Op::I32SubImmBrIf},
        {Op::I32And, Op::I32AndBrIf}, {Op::I32AndImm, Op::I32AndImmBrIf},
    };
    const auto* it = std::find_if(std::begin(kFusions), std::end(kFusions),
                                  [&](const auto& f) { return f.first == op; });
    if (it == std::end(kFusions)) return std::nullopt;
    return it->second;
  }
  // When i32.eqz, just produced, tests the result that the instruction right before it computed
  // (an i32.add, sub or and, into a temp or a local), with no label between them, that
  // instruction becomes the branch with the sense inverted (eqz is true when the result is 0).
  bool fuse_eqz_of_result(Cell eqz_w1, bool when_true) {
    const Op prev = before_last_op_;
    const size_t start = before_last_op_start_;
    const std::optional<Op> fused = result_branch_of(prev);
    if (!fused || start + 3 != producer_start_ || label_at_ == producer_start_ ||
        code_[start] != reinterpret_cast<uintptr_t>(handlers_[static_cast<size_t>(prev)]))
      return false;
    const Cell w1 = code_[start + 1], w2 = code_[start + 2];
    if (high_half(eqz_w1) != low_half(w1)) return false;  // eqz tests another value
    code_.resize(start);
    producer_end_ = kNone;
    set_end_ = kNone;
    emit_op(when_true ? next_op(*fused) : *fused);
    emit(w1);
    emit(w2);
    return true;
  }
  // When the address `a` (consumed at height h) was just computed as `base + k` by i32.add
  // with an immediate k, or with k the value of a second slot (`reg`, k its offset), removes
  // that add: the access computes it itself.
  bool fold_address_add(const Entry& a, uint32_t h, uint64_t offset, uint32_t& base, uint32_t& k,
                        bool& reg) {
    if (!retargetable(a, h) || offset > UINT32_MAX) return false;
    if (producer_op_ == Op::I32AddImm) {
      k = static_cast<uint32_t>(code_[producer_start_ + 2]);
    } else if (producer_op_ == Op::I32Add) {
      k = low_half(code_[producer_start_ + 2]);
    } else {
      return false;
    }
    reg = producer_op_ == Op::I32Add;
    base = high_half(code_[producer_start_ + 1]);
    code_.resize(producer_start_);
    producer_end_ = kNone;
    return true;
  }
  // An add (operands a, b at heights h, h + 1, in slots sa, sb) of a product the last
  // instruction just computed becomes one MulAdd: the product's temp is dead after the add.
  bool fuse_multiply_add(Op op, const Entry& a, const Entry& b, uint32_t h, uint32_t sa,
                         uint32_t sb) {
    struct Fusion {
      Op add, mul, fused;
    };
    static constexpr Fusion kFusions[] = {
        {Op::I32Add, Op::I32Mul, Op::I32MulAdd},
        {Op::I64Add, Op::I64Mul, Op::I64MulAdd},
        {Op::F32Add, Op::F32Mul, Op::F32MulAdd},
        {Op::F64Add, Op::F64Mul, Op::F64MulAdd},
    };
    const auto* it = std::find_if(std::begin(kFusions), std::end(kFusions),
                                  [&](const Fusion& f) { return f.add == op; });
    if (it == std::end(kFusions) || producer_op_ != it->mul) return false;
    uint32_t addend;
    if (retargetable(b, h + 1)) {
      addend = sa;  // a + x * y: the sum is the same either way round
    } else if (retargetable(a, h)) {
      addend = sb;
    } else {
      return false;
    }
    const Cell w1 = code_[producer_start_ + 1], w2 = code_[producer_start_ + 2];
    replace_producer(it->fused, h, high_half(w1), pack(low_half(w2), addend));
    return true;
  }
  // A load (scalar, or v128 with `wide`) from the address on top of the stack:
  // [h][dst|addr][offset], its Chk form next to `op`; an address add just computed folded in
  // (Ident##Add or AddReg, 2 or 4 after `op`); with `has_abs`, a constant address with the
  // offset added now (Ident##Abs, 6 after).
  bool lower_load(Op op, uint64_t offset, bool checked, bool wide, bool has_abs) {
    const uint32_t h = height() - 1;
    const Entry a = pop();
    uint32_t base, k;
    bool reg;
    if (fold_address_add(a, h, offset, base, k, reg)) {
      emit_op(op_plus(op, (reg ? 4 : 2) + (checked ? 1 : 0)));
      const size_t w = here();
      emit(pack(off(temp(h)), base));
      emit(pack(static_cast<uint32_t>(offset), k));
      produced(w, h, wide);
      return true;
    }
    if (has_abs && a.kind == Entry::Const) {
      emit_op(op_plus(op, checked ? 7 : 6));
      const size_t w = here();
      emit(pack(off(temp(h)), 0));
      emit(uint64_t{static_cast<uint32_t>(a.value)} + offset);
      produced(w, h, wide);
      return true;
    }
    const uint32_t sa = operand(a, h);
    emit_op(checked ? next_op(op) : op);
    const size_t w = here();
    emit(pack(off(temp(h)), sa));
    emit(offset);
    produced(w, h, wide);
    return true;
  }
  // Replaces the producer just emitted with `fused`, [h][temp(h)|a][b] (then `c` when given),
  // the new producer of temp(h).
  void replace_producer(Op fused, uint32_t h, uint32_t a, Cell b, std::optional<Cell> c = {}) {
    code_.resize(producer_start_);
    producer_end_ = kNone;
    emit_op(fused);
    const size_t w = here();
    emit(pack(off(temp(h)), a));
    emit(b);
    if (c) emit(*c);
    produced(w, h);
  }
  // Operation `op` (second operand c: slot or immediate per `mode`) consuming the result the
  // last instruction just computed into a temp, both of one chain family, becomes one chain
  // (chain_ops.hpp) writing temp(h): the intermediate temp is dead after `op`.
  bool fuse_chain(Op op, ChainMode mode, uint32_t h, uint64_t c) {
    const std::optional<ChainLink> second = chain_link(op);
    if (!second || second->imm != (mode == ChainMode::Imm)) return false;
    const std::optional<ChainLink> first = chain_link(producer_op_);
    if (!first || first->family != second->family || producer_start_ + 3 != here()) return false;
    if (!chain_family_has_immediates(first->family) && (first->imm || second->imm)) return false;
    // The producer: [h][dst|a][b] or [h][dst|a][imm64]. A chain holds 32-bit immediates,
    // sign-extended for i64.
    const Cell w1 = code_[producer_start_ + 1], w2 = code_[producer_start_ + 2];
    const auto fits = [&](uint64_t k) {
      return first->family != ChainFamily::I64 ||
             static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(k))) == k;
    };
    if ((first->imm && !fits(w2)) || (mode == ChainMode::Imm && !fits(c))) return false;
    if (mode == ChainMode::TempRight && second->commutative) mode = ChainMode::TempLeft;
    replace_producer(chain_op({second->family, first->index, first->imm, second->index, mode}), h,
                     high_half(w1), pack(low_half(w2), static_cast<uint32_t>(c)));
    return true;
  }
  // Operation `op` (second operand c: slot, or the constant's bits with ChainMode::Imm)
  // consuming the value a full-width load just read into a temp becomes one load chain
  // (chain_ops.hpp) writing temp(h).
  bool fuse_load_chain(Op op, ChainMode mode, uint32_t h, uint64_t c) {
    const std::optional<ChainLink> second = chain_link(op);
    if (!second || second->imm != (mode == ChainMode::Imm)) return false;
    const std::optional<LoadLink> load = load_link(producer_op_);
    if (!load || load->family != second->family || producer_start_ + 3 != here()) return false;
    // A float product mostly feeds an accumulating add (dot products, polynomials), whose
    // latency bounds the loop: left alone, the multiply becomes MulAdd with that add, which
    // measured faster (spectral 8.2x native with the load fused, 5.3x as MulAdd).
    if (op == Op::F32Mul || op == Op::F64Mul) return false;
    // The load: [h][dst|addr][offset], or [h][dst|base][offset|k] with the add folded in.
    const Cell w1 = code_[producer_start_ + 1], w2 = code_[producer_start_ + 2];
    if (!load->add && w2 > UINT32_MAX) return false;
    if (mode == ChainMode::TempRight && second->commutative) mode = ChainMode::TempLeft;
    replace_producer(load_chain_op({second->family, second->index, mode}), h, high_half(w1),
                     load->add ? w2 : pack(static_cast<uint32_t>(w2), 0), c);
    return true;
  }
  void retarget(uint32_t slot) {
    Cell& c = code_[producer_word_];
    c = pack(off(slot), high_half(c));
    producer_end_ = kNone;
    set_end_ = here();
    set_local_ = slot;
  }

  // --- Branches.
  bool needs_moves(const Label& l) const {
    const uint32_t n = l.arity();
    for (uint32_t k = 0; k < n; ++k) {
      const uint32_t h = height() - n + k;
      const Entry& e = stack_[h];
      if (!(e.kind == Entry::Temp && h == l.base + k)) return true;
    }
    return false;
  }
  // Moves the label's values into place: from the label's base, laid out by their own widths
  // (the entries the stack holds above the base now may be wider or narrower). Ascending order
  // is safe: a Temp source at height h - n + k is never below its destination.
  void emit_moves(const Label& l) {
    const uint32_t n = l.arity();
    uint32_t dst = temp(l.base);
    for (uint32_t k = 0; k < n; ++k) {
      const uint32_t h = height() - n + k;
      move_to(stack_[h], h, dst);
      dst += stack_[h].wide ? 2 : 1;
    }
  }
  void emit_jump_to(Label& l) {
    emit_op(Op::Br);
    if (l.kind == LabelKind::Loop) {
      emit_target(l.loop_start);
    } else {
      l.fixups.push_back(emit_fixup());
    }
  }
  void emit_return() {
    const uint32_t n = labels_.front().num_results;
    if (n == 1) {
      const uint32_t h = height() - 1;
      if (retargetable(stack_[h], h)) {
        retarget(0);
      } else {
        move_to(stack_[h], h, 0);
      }
    } else if (n > 1) {
      // Results go to the first slots, which may be locals still to be read: bring every
      // value into its temp first (without changing the symbolic stack, which a br_if's
      // fallthrough still uses), then copy downwards in ascending order (a result's temp
      // never lies below its destination).
      const uint32_t first = height() - n;
      for (uint32_t k = 0; k < n; ++k) move_to(stack_[first + k], first + k, temp(first + k));
      uint32_t dst = 0;
      for (uint32_t k = 0; k < n; ++k) {
        const bool wide = stack_[first + k].wide;
        move_to(temp_entry(wide), first + k, dst);
        dst += wide ? 2 : 1;
      }
    }
    emit_op(Op::Return);
  }
  // An unconditional branch to `depth` (br, or a br_table target's stub).
  void emit_branch(uint32_t depth) {
    Label& l = labels_[labels_.size() - 1 - depth];
    if (l.kind == LabelKind::Function) return emit_return();
    emit_moves(l);
    emit_jump_to(l);
  }

  // --- Blocks.
  void block_signature(const validate::BlockType& bt, Label& l) const {
    l.num_params = l.num_results = 0;
    if (bt.kind == validate::BlockKind::Value) {
      l.num_results = 1;
      l.value_wide = bt.value.is_vec();
    }
    if (bt.kind == validate::BlockKind::Index) {
      const ir::FuncType& ft = module_.func_type(bt.type_index);
      l.type = &ft;
      l.num_params = static_cast<uint32_t>(ft.params.size());
      l.num_results = static_cast<uint32_t>(ft.results.size());
    }
  }
  void open_label(LabelKind kind, const validate::BlockType& bt) {
    Label& l = labels_.push();
    l.kind = kind;
    block_signature(bt, l);
    l.entered_live = live_;
    if (live_) l.base = height() - l.num_params;
  }
  // Leaves the label's parameters (or results) as temps above its base.
  void reset_stack(const Label& l, bool results) {
    stack_.resize(l.base);
    const uint32_t count = results ? l.num_results : l.num_params;
    for (uint32_t k = 0; k < count; ++k) push_temp(results ? l.result_wide(k) : l.param_wide(k));
  }

  bool unsupported(const Instruction& ins) {
    error_kind_ = ErrorKind::Unsupported;
    error_ = std::string("the interpreter does not support ") + ir::opcode_name(ins.op) + " yet";
    return false;
  }

  [[gnu::always_inline]] inline bool lower(const Instruction& ins);
  // Before each live instruction other than block, loop, if, else and end: charges it, and
  // fails when the frame has no room for its result.
  [[gnu::always_inline]] bool begin_plain(Opcode op) {
    if (interruptible_) charge(op);
    if (check_frame()) [[likely]]
      return true;
    error_kind_ = ErrorKind::OutOfMemory;
    error_ = "function frame too large";
    return false;
  }
  bool lower_control(const Instruction& ins);
  bool lower_plain(const Instruction& ins);
  bool lower_simd(const Instruction& ins);

  const ir::Module& module_;
  HandlerTable handlers_;
  const LowerOptions& options_;
  ModuleCode& out_;
  const bool interruptible_;  // charge() has work to do: fuel or epoch checks are on

  uint32_t defined_index_ = 0;
  uint64_t num_local_slots_ = 0;
  uint64_t temp_slot_budget_ = 0;  // check_frame(): the stack's max_slots() stays below this
  bool has_wide_locals_ = false;
  std::vector<LocalRun> local_runs_;
  std::vector<Cell> code_;
  std::vector<size_t> relocs_;
  EntryStack stack_;
  LabelStack labels_;
  bool live_ = true;
  size_t last_op_start_ = 0;
  Op last_op_ = Op::Count;
  size_t before_last_op_start_ = 0;  // the operation emitted before the last one (if still there)
  Op before_last_op_ = Op::Count;
  size_t label_at_ = kNone;  // where the last label was bound
  size_t set_end_ = kNone;   // the producer last retargeted to local slot set_local_ ends here
  uint32_t set_local_ = 0;
  size_t producer_start_ = 0;
  Op producer_op_ = Op::Count;
  size_t producer_word_ = 0;
  size_t producer_end_ = kNone;
  uint32_t producer_height_ = 0;
  ErrorKind error_kind_ = ErrorKind::Unsupported;
  std::string error_;
  uint8_t pending_checks_ = 0;     // kFuelCheck | kEpochCheck due before the next instruction
  size_t fuel_cost_word_ = kNone;  // the current block's cost word
};

}  // namespace weft::compile::lowering
