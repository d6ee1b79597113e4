// The module decoder: header, section framing and order, and each known section's contents.
//
// Sections are read the way the reference interpreter reads them: a section's contents are decoded
// from the file's byte stream, not from a slice cut at the declared size, and the size is checked
// afterwards ("section size mismatch"). This is what makes the error messages match the spec
// suite's expectations when a count or a size is wrong ("length out of bounds" when a length runs
// past the file, "unexpected end" when the data does).
#include "binary/decoder.hpp"

#include <limits>
#include <optional>
#include <string_view>

#include "base/reader.hpp"
#include "binary/instruction_reader.hpp"
#include "binary/limits.hpp"
#include "binary/name_section.hpp"
#include "binary/primitives.hpp"
#include "binary/section_ids.hpp"
#include "binary/types_reader.hpp"

namespace weft::binary {

namespace {

using ir::Features;

constexpr uint32_t kMagic = 0x6d736100;  // "\0asm", little-endian
constexpr uint32_t kVersion = 1;
constexpr uint8_t kEndOpcode = 0x0b;
constexpr uint64_t kHeaderSize = 8;

class ModuleDecoder {
 public:
  ModuleDecoder(std::span<const uint8_t> bytes, const Features& features) : f_(features) {
    m_.bytes.assign(bytes.begin(), bytes.end());
    r_ = Reader(m_.bytes.data(), m_.bytes.size());
  }

  Result<ir::Module> decode() {
    if (m_.bytes.size() > std::numeric_limits<uint32_t>::max()) {
      return Error::at_offset(ErrorKind::Unsupported, 0, "module too large");
    }
    if (read_header()) read_sections();
    if (r_.ok()) check_section_counts();
    if (!r_.ok()) return error();
    m_.count_imports();
    return std::move(m_);
  }

 private:
  bool read_header() {
    const uint64_t size = m_.bytes.size();
    if (size < 4) {
      r_.fail_at(size, "unexpected end");
      return false;
    }
    if (r_.fixed_u32() != kMagic) {
      r_.fail_at(0, "magic header not detected");
      return false;
    }
    if (size < kHeaderSize) {
      r_.fail_at(size, "unexpected end");
      return false;
    }
    if (r_.fixed_u32() != kVersion) {
      r_.fail_at(4, "unknown binary version");
      return false;
    }
    return true;
  }

  void read_sections() {
    uint8_t last_rank = 0;
    uint8_t last_id = 0;
    while (r_.ok() && !r_.at_end()) {
      const uint64_t id_at = r_.offset();
      const uint8_t id = r_.u8();
      if (!is_known_section(id, f_)) {
        r_.fail_at(id_at, "malformed section id");
        return;
      }
      const uint32_t size = read_length(r_);
      if (!r_.ok()) return;
      const uint64_t start = r_.offset();
      const uint64_t end = start + size;
      if (id == static_cast<uint8_t>(SectionId::Custom)) {
        read_custom_section(end, last_id);
        continue;
      }
      const uint8_t rank = section_rank(id);
      if (rank <= last_rank) {
        r_.fail_at(id_at, "unexpected content after last section");
        return;
      }
      last_rank = rank;
      last_id = id;
      read_section(static_cast<SectionId>(id));
      if (r_.ok() && r_.offset() != end) r_.fail_at(start, "section size mismatch");
    }
  }

  void read_section(SectionId id) {
    switch (id) {
      case SectionId::Type:
        read_type_section();
        break;
      case SectionId::Import:
        read_import_section();
        break;
      case SectionId::Function:
        read_function_section();
        break;
      case SectionId::Table:
        read_table_section();
        break;
      case SectionId::Memory:
        read_memory_section();
        break;
      case SectionId::Tag:
        read_tag_section();
        break;
      case SectionId::Global:
        read_global_section();
        break;
      case SectionId::Export:
        read_export_section();
        break;
      case SectionId::Start:
        m_.start = r_.u32();
        break;
      case SectionId::Element:
        read_element_section();
        break;
      case SectionId::DataCount:
        m_.data_count = r_.u32();
        break;
      case SectionId::Code:
        read_code_section();
        break;
      case SectionId::Data:
        read_data_section();
        break;
      case SectionId::Custom:
        break;  // handled by the caller
    }
  }

  // Custom sections never make a module malformed by their contents, only by their framing: the
  // name must be well-formed UTF-8 and fit in the section.
  void read_custom_section(uint64_t end, uint8_t after_section) {
    const std::string_view name = read_name(r_);
    if (!r_.ok()) return;
    const uint64_t content_start = r_.offset();
    if (content_start > end) {
      r_.fail_at(end, "unexpected end");
      return;
    }
    ir::CustomSection custom;
    custom.name = std::string(name);
    custom.content = {static_cast<uint32_t>(content_start),
                      static_cast<uint32_t>(end - content_start)};
    custom.after_section = after_section;
    r_.skip(end - content_start);
    if (!r_.ok()) return;
    if (custom.name == "name") {
      read_name_section(m_.span(custom.content), content_start, m_.names);
    }
    m_.customs.push_back(std::move(custom));
  }

  void read_type_section() {
    const uint32_t n = read_count(r_, kMaxTypes, "too many types");
    m_.types.reserve(n);
    m_.rec_groups.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) read_type_entry(r_, f_, m_);
  }

  void read_import_section() {
    const uint32_t n = read_count(r_, kMaxImports, "too many imports");
    m_.imports.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) {
      ir::Import& import = m_.imports.emplace_back();
      import.module = std::string(read_name(r_));
      import.name = std::string(read_name(r_));
      const uint64_t kind_at = r_.offset();
      const uint8_t kind = r_.u8();
      if (!r_.ok()) return;
      switch (kind) {
        case 0:
          import.func_type = r_.u32();
          break;
        case 1:
          import.table = read_table_type(r_, f_);
          break;
        case 2:
          import.memory = read_memory_type(r_, f_);
          break;
        case 3:
          import.global = read_global_type(r_, f_);
          break;
        case 4:
          if (f_.exceptions) {
            import.tag = read_tag_type();
            break;
          }
          [[fallthrough]];
        default:
          r_.fail_at(kind_at, "malformed import kind");
          return;
      }
      import.kind = static_cast<ir::ExternKind>(kind);
    }
  }

  void read_function_section() {
    const uint32_t n = read_count(r_, kMaxFunctions, "too many functions");
    m_.functions.resize(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) m_.functions[i].type_index = r_.u32();
  }

  void read_table_section() {
    const uint32_t n = read_count(r_, kMaxTables, "too many tables");
    m_.tables.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) {
      ir::Table& table = m_.tables.emplace_back();
      // Wasm 3.0 tables may carry an initializer, announced by the bytes 0x40 0x00.
      if ((f_.function_references || f_.gc) && r_.peek_u8() == 0x40) {
        r_.u8();
        const uint64_t at = r_.offset();
        if (r_.u8() != 0 && r_.ok()) r_.fail_at(at, "malformed table");
        table.type = read_table_type(r_, f_);
        table.init = read_const_expr();
      } else {
        table.type = read_table_type(r_, f_);
      }
    }
  }

  void read_memory_section() {
    const uint32_t n = read_count(r_, kMaxMemories, "too many memories");
    m_.memories.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) {
      m_.memories.push_back(ir::Memory{read_memory_type(r_, f_)});
    }
  }

  ir::TagType read_tag_type() {
    const uint64_t at = r_.offset();
    const uint8_t attribute = r_.u8();
    if (attribute != 0 && r_.ok()) r_.fail_at(at, "malformed tag attribute");
    return ir::TagType{r_.u32()};
  }

  void read_tag_section() {
    const uint32_t n = read_count(r_, kMaxTags, "too many tags");
    m_.tags.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) m_.tags.push_back(ir::Tag{read_tag_type()});
  }

  void read_global_section() {
    const uint32_t n = read_count(r_, kMaxGlobals, "too many globals");
    m_.globals.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) {
      ir::Global& global = m_.globals.emplace_back();
      global.type = read_global_type(r_, f_);
      global.init = read_const_expr();
    }
  }

  void read_export_section() {
    const uint32_t n = read_count(r_, kMaxExports, "too many exports");
    m_.exports.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) {
      ir::Export& exp = m_.exports.emplace_back();
      exp.name = std::string(read_name(r_));
      const uint64_t kind_at = r_.offset();
      const uint8_t kind = r_.u8();
      if (!r_.ok()) return;
      const uint8_t last_kind = f_.exceptions ? 4 : 3;
      if (kind > last_kind) {
        r_.fail_at(kind_at, "malformed export kind");
        return;
      }
      exp.kind = static_cast<ir::ExternKind>(kind);
      exp.index = r_.u32();
    }
  }

  // Element segment flags: bit 0 passive or declarative, bit 1 an explicit table index (active)
  // or declarative (otherwise), bit 2 items are expressions rather than function indices.
  void read_element_section() {
    const uint32_t n = read_count(r_, kMaxElemSegments, "too many element segments");
    m_.elems.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) {
      ir::ElemSegment& seg = m_.elems.emplace_back();
      const uint64_t flags_at = r_.offset();
      const uint32_t flags = r_.u32();
      if (!r_.ok()) return;
      if (flags > 7) {
        r_.fail_at(flags_at, "malformed elements segment kind");
        return;
      }
      const bool not_active = flags & 1;
      const bool bit1 = flags & 2;
      seg.uses_exprs = flags & 4;
      if (not_active) {
        seg.mode = bit1 ? ir::SegmentMode::Declarative : ir::SegmentMode::Passive;
      } else {
        seg.mode = ir::SegmentMode::Active;
        if (bit1) seg.table = r_.u32();
        seg.offset = read_const_expr();
      }
      seg.type = ir::ValType::funcref();
      if (not_active || bit1) {
        if (seg.uses_exprs) {
          seg.type = read_ref_type(r_, f_);
        } else {
          const uint64_t kind_at = r_.offset();
          const uint8_t elem_kind = r_.u8();
          if (elem_kind != 0 && r_.ok()) r_.fail_at(kind_at, "malformed element kind");
        }
      }
      const uint32_t count = read_count(r_, kMaxElemItems, "too many elements");
      if (seg.uses_exprs) {
        seg.exprs.reserve(count);
        for (uint32_t j = 0; j < count && r_.ok(); ++j) seg.exprs.push_back(read_const_expr());
      } else {
        seg.func_indices.reserve(count);
        for (uint32_t j = 0; j < count && r_.ok(); ++j) seg.func_indices.push_back(r_.u32());
      }
    }
  }

  void read_code_section() {
    code_count_at_ = r_.offset();
    const uint32_t n = read_count(r_, kMaxFunctions, "too many functions");
    code_count_ = n;
    ir::Function surplus;  // bodies beyond the function section's count, reported at the end
    for (uint32_t i = 0; i < n && r_.ok(); ++i) {
      read_function_body(i < m_.functions.size() ? m_.functions[i] : surplus);
    }
  }

  // A body is its size, the local declarations and the instructions. The instructions are left
  // to validate/'s BodyDecoder; only their final `end` is checked here, since it delimits them.
  void read_function_body(ir::Function& fn) {
    const uint32_t size = read_length(r_);
    const uint64_t start = r_.offset();
    const uint8_t* data = r_.bytes(size);
    if (data == nullptr) return;
    const uint64_t end = start + size;

    Reader body(data, size, start);
    const uint32_t n = read_length(body);
    fn.locals.clear();
    fn.locals.reserve(n);
    uint64_t total = 0;
    for (uint32_t i = 0; i < n && body.ok(); ++i) {
      const uint64_t at = body.offset();
      const uint32_t count = body.u32();
      const ir::ValType type = read_val_type(body, f_);
      total += count;
      if (total > kMaxFunctionLocals && body.ok()) body.fail_at(at, "too many locals");
      fn.locals.push_back(ir::LocalDecl{count, type});
    }
    if (!body.ok()) {
      r_.fail_at(body.error_offset(), body.error_message());
      return;
    }
    fn.num_locals = static_cast<uint32_t>(total);
    fn.body = {static_cast<uint32_t>(body.offset()), static_cast<uint32_t>(end - body.offset())};
    if (fn.body.size == 0 || m_.bytes[end - 1] != kEndOpcode) report_missing_end(start, end);
  }

  // A body whose last byte is not `end` cannot be well-formed. The reference interpreter, reading
  // on past the body, words this by what follows it; the suite expects those words.
  void report_missing_end(uint64_t start, uint64_t end) {
    if (end == m_.bytes.size()) {
      r_.fail_at(end, "unexpected end of section or function");
    } else if (m_.bytes[end] == kEndOpcode) {
      r_.fail_at(start, "section size mismatch");
    } else {
      r_.fail_at(end, "END opcode expected");
    }
  }

  void read_data_section() {
    data_count_at_ = r_.offset();
    const uint32_t n = read_count(r_, kMaxDataSegments, "too many data segments");
    m_.datas.reserve(n);
    for (uint32_t i = 0; i < n && r_.ok(); ++i) {
      ir::DataSegment& seg = m_.datas.emplace_back();
      const uint64_t flags_at = r_.offset();
      const uint32_t flags = r_.u32();
      if (!r_.ok()) return;
      switch (flags) {
        case 0:
          seg.mode = ir::SegmentMode::Active;
          seg.offset = read_const_expr();
          break;
        case 1:
          seg.mode = ir::SegmentMode::Passive;
          break;
        case 2:
          seg.mode = ir::SegmentMode::Active;
          seg.memory = r_.u32();
          seg.offset = read_const_expr();
          break;
        default:
          r_.fail_at(flags_at, "malformed data segment kind");
          return;
      }
      const uint32_t size = read_length(r_);
      const uint64_t start = r_.offset();
      if (r_.bytes(size) == nullptr) return;
      seg.init = {static_cast<uint32_t>(start), size};
    }
  }

  ir::ConstExpr read_const_expr() {
    const uint64_t start = r_.offset();
    skip_const_expr(r_, f_);
    return ir::ConstExpr{
        {static_cast<uint32_t>(start), static_cast<uint32_t>(r_.offset() - start)}};
  }

  // Checks across sections, made once all are read, as the reference interpreter makes them.
  void check_section_counts() {
    const uint64_t end = m_.bytes.size();
    if (m_.functions.size() != code_count_.value_or(0)) {
      r_.fail_at(code_count_ ? code_count_at_ : end,
                 "function and code section have inconsistent lengths");
      return;
    }
    if (m_.data_count && *m_.data_count != m_.datas.size()) {
      r_.fail_at(data_count_at_ ? data_count_at_ : end,
                 "data count and data section have inconsistent lengths");
    }
  }

  Error error() const {
    Error e = r_.error(ErrorKind::Malformed);
    // Past the header, running out of bytes means a section or function body was cut short.
    if (e.message == "unexpected end" && e.offset >= kHeaderSize) {
      e.message = "unexpected end of section or function";
    }
    return e;
  }

  const Features& f_;
  ir::Module m_;
  Reader r_;
  std::optional<uint32_t> code_count_;
  uint64_t code_count_at_ = 0;
  uint64_t data_count_at_ = 0;
};

}  // namespace

Result<ir::Module> decode_module(std::span<const uint8_t> bytes, const ir::Features& features) {
  return ModuleDecoder(bytes, features).decode();
}

}  // namespace weft::binary
