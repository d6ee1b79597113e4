(module
  (type (;0;) (func (result i32)))
  (type (;1;) (func (param i32)))
  (type (;2;) (func (param i64)))
  (type (;3;) (func (param f32)))
  (type (;4;) (func (param f64)))
  (type (;5;) (func (param v128)))
  (type (;6;) (func))
  (import "fuzzing-support" "log-i32" (func (;0;) (type 1)))
  (import "fuzzing-support" "log-i64" (func (;1;) (type 2)))
  (import "fuzzing-support" "log-f32" (func (;2;) (type 3)))
  (import "fuzzing-support" "log-f64" (func (;3;) (type 4)))
  (import "fuzzing-support" "log-v128" (func (;4;) (type 5)))
  (func (;5;) (type 0) (result i32)
    (local i32)
    block  ;; label = @1
      global.get 40
      i32.eqz
      if  ;; label = @2
        i32.const -57
        return
      end
      global.get 40
      i32.const 1
      i32.sub
      global.set 40
    end
    block (result i32)  ;; label = @1
      i32.const 5381
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      i32.const 0
      i32.load8_u offset=1
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
      local.set 0
      local.get 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=3
      i32.xor
      local.set 0
      local.get 0
      i32.const 0
      i32.shl
      i32.const 33554432
      i32.add
      i32.const 0
      i32.load8_u offset=4
      i32.xor
      local.set 0
      loop (result i32)  ;; label = @2
        block  ;; label = @3
          global.get 40
          i32.eqz
          if  ;; label = @4
            i32.const -9
            return
          end
          global.get 40
          i32.const 1
          i32.sub
          global.set 40
        end
        block (result i32)  ;; label = @3
          block  ;; label = @4
            block  ;; label = @5
              nop
              block  ;; label = @6
                nop
                nop
              end
            end
            i32.const -119
            i32.const 4
            i32.const 2
            memory.init 1
          end
          i32.const 62
          br_if 1 (;@2;)
          i32.const -4455892
        end
      end
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
      local.get 0
      i32.add
      i32.const 5
      i32.xor
      local.set 0
      i32.const -32767
      local.set 0
      local.get 0
      i32.const 0
      i32.load8_u offset=8
      i32.xor
      local.set 0
      local.get 0
      i32.const 2147483647
      i32.shl
      i32.const -2147483648
      i32.add
      i32.const 0
      i32.load8_u offset=15
      i32.xor
      i32.const 0
      i32.load8_u offset=9
      i32.xor
      local.set 0
      i32.const 65536
      i32.const 0
      i32.load8_u offset=13
      i32.xor
      local.set 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.const 5
      i32.shl
      i32.const 0
      i32.add
      i32.const 0
      i32.load8_u offset=3
      i32.xor
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=11
      i32.xor
      local.set 0
      i32.const -82
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=12
      i32.xor
      local.set 0
      local.get 0
      local.get 0
      i32.const 5
      i32.shl
      local.get 0
      i32.add
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=13
      i32.xor
      local.set 0
      i32.const 0
      local.get 0
      i32.add
      i32.const -134217728
      i32.xor
      local.set 0
      local.get 0
      i32.const 49
      i32.shl
      local.get 0
      i32.add
      i32.const 0
      i32.load8_u offset=15
      i32.xor
      local.set 0
      local.get 0
    end)
  (func (;6;) (type 6)
    i32.const 10
    global.set 40)
  (table (;0;) 0 0 funcref)
  (memory (;0;) 16 17)
  (global (;0;) (mut f32) (f32.const 0x1.06a8f6p+6 (;=65.665;)))
  (global (;1;) (mut v128) (v128.const i32x4 0xffffd900 0xffffffff 0xffffffbe 0xffffffff))
  (global (;2;) (mut f32) (f32.const 0x1.00005p+16 (;=65536.3;)))
  (global (;3;) (mut i32) (i32.const -124))
  (global (;4;) (mut i64) (i64.const 4611686018427387903))
  (global (;5;) (mut f32) (f32.const -nan:0x7fffcc (;=-nan;)))
  (global (;6;) (mut f32) (f32.const -0x1.04p+6 (;=-65;)))
  (global (;7;) (mut f32) (f32.const 0x1.fffffep+127 (;=3.40282e+38;)))
  (global (;8;) (mut i64) (i64.const -15495))
  (global (;9;) (mut v128) (v128.const i32x4 0x00000000 0x40700000 0x00000000 0x40eff840))
  (global (;10;) (mut f32) (f32.const -0x1.ap+3 (;=-13;)))
  (global (;11;) (mut i32) (i32.const -2147483648))
  (global (;12;) (mut f64) (f64.const -nan:0xffffffffffffa (;=-nan;)))
  (global (;13;) (mut f32) (f32.const -nan:0x7fdd5a (;=-nan;)))
  (global (;14;) (mut i32) (i32.const -512))
  (global (;15;) (mut i64) (i64.const 108))
  (global (;16;) (mut f32) (f32.const -nan:0x7fffaf (;=-nan;)))
  (global (;17;) (mut i32) (i32.const -28076))
  (global (;18;) (mut f64) (f64.const -nan:0xfffffffffd65d (;=-nan;)))
  (global (;19;) (mut f32) (f32.const -0x1p+43 (;=-8.79609e+12;)))
  (global (;20;) (mut f32) (f32.const -0x1p+63 (;=-9.22337e+18;)))
  (global (;21;) (mut i32) (i32.const -268435456))
  (global (;22;) (mut f32) (f32.const -0x1p+31 (;=-2.14748e+09;)))
  (global (;23;) (mut f64) (f64.const -nan:0xfffffffffbb52 (;=-nan;)))
  (global (;24;) (mut f32) (f32.const -nan:0x4f2c44 (;=-nan;)))
  (global (;25;) (mut f64) (f64.const -0x1p+0 (;=-1;)))
  (global (;26;) (mut f64) (f64.const 0x1p+64 (;=1.84467e+19;)))
  (global (;27;) (mut f64) (f64.const -0x1.b8p+5 (;=-55;)))
  (global (;28;) (mut i64) (i64.const -47))
  (global (;29;) (mut i32) (i32.const -55))
  (global (;30;) (mut i32) (i32.const 0))
  (global (;31;) (mut f64) (f64.const 0x1.ffffffd8p+31 (;=4.29497e+09;)))
  (global (;32;) (mut f32) (f32.const -nan:0x7fff92 (;=-nan;)))
  (global (;33;) (mut f32) (f32.const -0x1p+32 (;=-4.29497e+09;)))
  (global (;34;) (mut i32) (i32.const -67108863))
  (global (;35;) (mut f64) (f64.const 0x1p+64 (;=1.84467e+19;)))
  (global (;36;) (mut i32) (i32.const 1))
  (global (;37;) (mut i64) (i64.const -88))
  (global (;38;) (mut i64) (i64.const 32767))
  (global (;39;) (mut f32) (f32.const -nan:0x2c5e45 (;=-nan;)))
  (global (;40;) (mut i32) (i32.const 10))
  (export "hashMemory" (func 5))
  (export "memory" (memory 0))
  (export "hangLimitInitializer" (func 6))
  (elem (;0;) (i32.const 0) func)
  (data (;0;) (i32.const 0) "ry\d7\ce\f2\f9=\c0\81\08z'E\a0\5c\94Gu\df\c3")
  (data (;1;) (i32.const 20) "\07\f8\82Do8\a9\94\d4\8e\ac$\8d\bfvq\9a\fdh")
  (data (;2;) "Y\c0\d0\07\ea\e3\b7C\01\0f")
  (data (;3;) (i32.const 39) " %\b2\0e/o\bbs\93KW\b7t)\9d \9b-")
  (data (;4;) (i32.const 57) "\e6\98\d5\9f\c7\17\00\5c\e68$\8e\ba\f9\12'\98\a0\9f\ea-Jk\ed")
  (data (;5;) "\e3\8a\f6\c7u\9b"))
