(module
  (type (;0;) (func (result i32)))
  (type (;1;) (func (param i32)))
  (type (;2;) (func (param i64)))
  (type (;3;) (func (param f32)))
  (type (;4;) (func (param f64)))
  (type (;5;) (func (param v128)))
  (type (;6;) (func (param i64 v128) (result i64)))
  (type (;7;) (func))
  (import "fuzzing-support" "log-i32" (func (;0;) (type 1)))
  (import "fuzzing-support" "log-i64" (func (;1;) (type 2)))
  (import "fuzzing-support" "log-f32" (func (;2;) (type 3)))
  (import "fuzzing-support" "log-f64" (func (;3;) (type 4)))
  (import "fuzzing-support" "log-v128" (func (;4;) (type 5)))
  (func (;5;) (type 0) (result i32)
    (local i32)
    block  ;; label = @1
      global.get 13
      i32.eqz
      if  ;; label = @2
        i32.const -113
        return
      end
      global.get 13
      i32.const 1
      i32.sub
      global.set 13
    end
    block (result i32)  ;; label = @1
      i32.const 5381
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=1
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=2
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=3
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=4
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=5
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=6
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=7
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=8
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=9
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=10
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=11
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=12
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=13
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=14
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=15
      i32.xor
      local.set 0
      local.get 0
    end)
  (func (;6;) (type 6) (param i64 v128) (result i64)
    block  ;; label = @1
      global.get 13
      i32.eqz
      if  ;; label = @2
        local.get 0
        return
      end
      global.get 13
      i32.const 1
      i32.sub
      global.set 13
    end
    block (result i64)  ;; label = @1
      global.get 1
      if  ;; label = @2
        nop
        i64.const -6554707236092439296
        block (result i32)  ;; label = @3
          i32.const -1
        end
        br_if 1 (;@1;)
        local.get 0
        i64.ne
        call 0
        call 5
        call 0
      else
        local.get 0
        local.get 0
        i64.ne
        global.set 12
        nop
      end
      local.get 0
    end)
  (func (;7;) (type 7)
    i32.const 10
    global.set 13)
  (table (;0;) 0 funcref)
  (memory (;0;) 16 17)
  (global (;0;) (mut v128) (v128.const i32x4 0x00004d38 0x00000000 0xffff0001 0xffffffff))
  (global (;1;) (mut i32) (i32.const 23))
  (global (;2;) (mut v128) (v128.const i32x4 0x00000000 0x43e00000 0x53f7ced9 0x404f65e3))
  (global (;3;) (mut i64) (i64.const 4294967296))
  (global (;4;) (mut i64) (i64.const -288230376151711744))
  (global (;5;) (mut f32) (f32.const -0x1.6p+6 (;=-88;)))
  (global (;6;) (mut f32) (f32.const -0x1.88p+5 (;=-49;)))
  (global (;7;) (mut i32) (i32.const 32767))
  (global (;8;) (mut f64) (f64.const -0x1.ep+4 (;=-30;)))
  (global (;9;) (mut f64) (f64.const -nan:0xfffffffffffaf (;=-nan;)))
  (global (;10;) (mut f64) (f64.const 0x1.2p+4 (;=18;)))
  (global (;11;) (mut f32) (f32.const -0x1.7638p+14 (;=-23950;)))
  (global (;12;) (mut i32) (i32.const -20412))
  (global (;13;) (mut i32) (i32.const 10))
  (export "hashMemory" (func 5))
  (export "memory" (memory 0))
  (export "func" (func 6))
  (export "hangLimitInitializer" (func 7))
  (elem (;0;) (i32.const 0) func)
  (data (;0;) "")
  (data (;1;) "\9b\f4\db")
  (data (;2;) "@\f4\a9\ff\0a\1du\b6\11S\97\06\ae\fcO@\af")
  (data (;3;) "\aa\f5Lz\9b\5c\f2\c0L\ff\98\d3;\be\e7\e4\a1\d9\99\d4\98&\ee\ebIf")
  (data (;4;) (i32.const 0) "\c5\e89\b3\bd\8b\cd")
  (data (;5;) (i32.const 7) "\99\d0P\17X\ab\fbl\8d\d32"))
