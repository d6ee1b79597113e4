// The module encoder: sections in the format's order with the shortest LEB128 encodings, so that
// a module decoded from such a file encodes back to the same bytes. Custom sections go back after
// the section they followed; names the module carries without a raw "name" section (from the text
// format) become a name section at the end.
#include "binary/encoder.hpp"

#include <span>

#include "base/writer.hpp"
#include "binary/name_section.hpp"
#include "binary/section_ids.hpp"
#include "binary/types_writer.hpp"

namespace weft::binary {

namespace {

constexpr uint8_t kHeader[] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
constexpr uint8_t kEndOpcode = 0x0b;

class ModuleEncoder {
 public:
  explicit ModuleEncoder(const ir::Module& m) : m_(m), out_w_(out_), content_w_(content_) {}

  std::vector<uint8_t> encode() {
    // The module's bytes hold all its code, so they bound the output well for a decoded module
    // and avoid regrowing the buffers (which dominated the encoder's time).
    out_.reserve(m_.bytes.size() + 64);
    content_.reserve(m_.bytes.size());
    out_w_.bytes(kHeader, sizeof kHeader);
    write_customs_after(0);
    for (SectionId id : kSectionOrder) {
      if (has_section(id) || anchors_custom(id)) write_section(id);
      write_customs_after(static_cast<uint8_t>(id));
    }
    if (!has_raw_name_section() && has_names(m_.names)) write_generated_name_section();
    return std::move(out_);
  }

 private:
  bool has_section(SectionId id) const {
    switch (id) {
      case SectionId::Type:
        return !m_.types.empty();
      case SectionId::Import:
        return !m_.imports.empty();
      case SectionId::Function:
        return !m_.functions.empty();
      case SectionId::Table:
        return !m_.tables.empty();
      case SectionId::Memory:
        return !m_.memories.empty();
      case SectionId::Tag:
        return !m_.tags.empty();
      case SectionId::Global:
        return !m_.globals.empty();
      case SectionId::Export:
        return !m_.exports.empty();
      case SectionId::Start:
        return m_.start.has_value();
      case SectionId::Element:
        return !m_.elems.empty();
      case SectionId::DataCount:
        return m_.data_count.has_value();
      case SectionId::Code:
        return !m_.functions.empty();
      case SectionId::Data:
        return !m_.datas.empty();
      case SectionId::Custom:
        return false;
    }
    return false;
  }

  // A custom section placed after a section that is empty keeps its place when that section is
  // written out empty. Start and data count have no empty form, and a tag section written where
  // tags are not enabled would make the module malformed.
  bool anchors_custom(SectionId id) const {
    if (id == SectionId::Start || id == SectionId::DataCount || id == SectionId::Tag) return false;
    for (const ir::CustomSection& c : m_.customs) {
      if (c.after_section == static_cast<uint8_t>(id)) return true;
    }
    return false;
  }

  bool has_raw_name_section() const {
    for (const ir::CustomSection& c : m_.customs) {
      if (c.name == "name") return true;
    }
    return false;
  }

  void write_customs_after(uint8_t id) {
    for (const ir::CustomSection& c : m_.customs) {
      if (c.after_section != id) continue;
      content_.clear();
      content_w_.name(c.name);
      const std::span<const uint8_t> bytes = m_.span(c.content);
      content_w_.bytes(bytes.data(), bytes.size());
      flush_section(SectionId::Custom);
    }
  }

  void write_generated_name_section() {
    content_.clear();
    content_w_.name("name");
    write_name_section(m_.names, content_);
    flush_section(SectionId::Custom);
  }

  // Appends the section `id` with the contents gathered in content_.
  void flush_section(SectionId id) {
    out_w_.u8(static_cast<uint8_t>(id));
    out_w_.u32(static_cast<uint32_t>(content_.size()));
    out_w_.bytes(content_.data(), content_.size());
  }

  void write_section(SectionId id) {
    content_.clear();
    Writer& w = content_w_;
    switch (id) {
      case SectionId::Type:
        w.u32(type_entry_count(m_));
        write_type_entries(w, m_);
        break;
      case SectionId::Import:
        write_imports(w);
        break;
      case SectionId::Function:
        w.u32(static_cast<uint32_t>(m_.functions.size()));
        for (const ir::Function& fn : m_.functions) w.u32(fn.type_index);
        break;
      case SectionId::Table:
        write_tables(w);
        break;
      case SectionId::Memory:
        w.u32(static_cast<uint32_t>(m_.memories.size()));
        for (const ir::Memory& memory : m_.memories) write_memory_type(w, memory.type);
        break;
      case SectionId::Tag:
        w.u32(static_cast<uint32_t>(m_.tags.size()));
        for (const ir::Tag& tag : m_.tags) write_tag_type(w, tag.type);
        break;
      case SectionId::Global:
        w.u32(static_cast<uint32_t>(m_.globals.size()));
        for (const ir::Global& global : m_.globals) {
          write_global_type(w, global.type);
          write_code(w, global.init.code);
        }
        break;
      case SectionId::Export:
        w.u32(static_cast<uint32_t>(m_.exports.size()));
        for (const ir::Export& exp : m_.exports) {
          w.name(exp.name);
          w.u8(static_cast<uint8_t>(exp.kind));
          w.u32(exp.index);
        }
        break;
      case SectionId::Start:
        w.u32(*m_.start);
        break;
      case SectionId::Element:
        write_elems(w);
        break;
      case SectionId::DataCount:
        w.u32(*m_.data_count);
        break;
      case SectionId::Code:
        write_code_section(w);
        break;
      case SectionId::Data:
        write_datas(w);
        break;
      case SectionId::Custom:
        return;
    }
    flush_section(id);
  }

  void write_code(Writer& w, ir::ByteRange range) {
    const std::span<const uint8_t> bytes = m_.span(range);
    w.bytes(bytes.data(), bytes.size());
  }

  static void write_tag_type(Writer& w, const ir::TagType& tag) {
    w.u8(0);  // attribute: exception
    w.u32(tag.type_index);
  }

  void write_imports(Writer& w) {
    w.u32(static_cast<uint32_t>(m_.imports.size()));
    for (const ir::Import& import : m_.imports) {
      w.name(import.module);
      w.name(import.name);
      w.u8(static_cast<uint8_t>(import.kind));
      switch (import.kind) {
        case ir::ExternKind::Func:
          w.u32(import.func_type);
          break;
        case ir::ExternKind::Table:
          write_table_type(w, import.table);
          break;
        case ir::ExternKind::Memory:
          write_memory_type(w, import.memory);
          break;
        case ir::ExternKind::Global:
          write_global_type(w, import.global);
          break;
        case ir::ExternKind::Tag:
          write_tag_type(w, import.tag);
          break;
      }
    }
  }

  void write_tables(Writer& w) {
    w.u32(static_cast<uint32_t>(m_.tables.size()));
    for (const ir::Table& table : m_.tables) {
      if (table.init) {
        w.u8(0x40);
        w.u8(0x00);
        write_table_type(w, table.type);
        write_code(w, table.init->code);
      } else {
        write_table_type(w, table.type);
      }
    }
  }

  // Picks the shortest of the eight element segment forms that says what the segment says.
  void write_elems(Writer& w) {
    w.u32(static_cast<uint32_t>(m_.elems.size()));
    for (const ir::ElemSegment& seg : m_.elems) {
      const bool funcref = seg.type == ir::ValType::funcref();
      // Function indices can only stand for funcref items; other types need expressions.
      const bool exprs = seg.uses_exprs || !funcref;
      uint32_t flags = exprs ? 4 : 0;
      bool implicit_type = false;
      switch (seg.mode) {
        case ir::SegmentMode::Active:
          if (seg.table != 0 || !funcref)
            flags |= 2;
          else
            implicit_type = true;
          break;
        case ir::SegmentMode::Passive:
          flags |= 1;
          break;
        case ir::SegmentMode::Declarative:
          flags |= 3;
          break;
      }
      w.u32(flags);
      if (seg.mode == ir::SegmentMode::Active) {
        if (flags & 2) w.u32(seg.table);
        write_code(w, seg.offset.code);
      }
      if (!implicit_type) {
        if (exprs)
          write_val_type(w, seg.type);
        else
          w.u8(0x00);  // element kind: funcref
      }
      w.u32(static_cast<uint32_t>(seg.size()));
      if (seg.uses_exprs) {
        for (const ir::ConstExpr& e : seg.exprs) write_code(w, e.code);
      } else if (exprs) {
        for (uint32_t index : seg.func_indices) {
          w.u8(0xd2);  // ref.func
          w.u32(index);
          w.u8(kEndOpcode);
        }
      } else {
        for (uint32_t index : seg.func_indices) w.u32(index);
      }
    }
  }

  void write_code_section(Writer& w) {
    w.u32(static_cast<uint32_t>(m_.functions.size()));
    std::vector<uint8_t> body;
    Writer b(body);
    for (const ir::Function& fn : m_.functions) {
      body.clear();
      b.u32(static_cast<uint32_t>(fn.locals.size()));
      for (const ir::LocalDecl& decl : fn.locals) {
        b.u32(decl.count);
        write_val_type(b, decl.type);
      }
      write_code(b, fn.body);
      w.u32(static_cast<uint32_t>(body.size()));
      w.bytes(body.data(), body.size());
    }
  }

  void write_datas(Writer& w) {
    w.u32(static_cast<uint32_t>(m_.datas.size()));
    for (const ir::DataSegment& seg : m_.datas) {
      if (seg.mode == ir::SegmentMode::Active) {
        if (seg.memory == 0) {
          w.u32(0);
        } else {
          w.u32(2);
          w.u32(seg.memory);
        }
        write_code(w, seg.offset.code);
      } else {
        w.u32(1);
      }
      w.u32(seg.init.size);
      write_code(w, seg.init);
    }
  }

  const ir::Module& m_;
  std::vector<uint8_t> out_;
  std::vector<uint8_t> content_;
  Writer out_w_;
  Writer content_w_;
};

}  // namespace

std::vector<uint8_t> encode_module(const ir::Module& module) {
  return ModuleEncoder(module).encode();
}

}  // namespace weft::binary
