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
      global.get 8
      i32.eqz
      if  ;; label = @2
        i32.const -50
        return
      end
      global.get 8
      i32.const 1
      i32.sub
      global.set 8
    end
    i32.const -54)
  (func (;6;) (type 6)
    i32.const 10
    global.set 8)
  (table (;0;) 0 0 funcref)
  (memory (;0;) 16 17)
  (global (;0;) (mut i64) (i64.const -61))
  (global (;1;) (mut i64) (i64.const -121))
  (global (;2;) (mut i32) (i32.const 229))
  (global (;3;) (mut f32) (f32.const 0x1p+31 (;=2.14748e+09;)))
  (global (;4;) (mut i32) (i32.const 255))
  (global (;5;) (mut i32) (i32.const 127))
  (global (;6;) (mut f32) (f32.const -0x1p+28 (;=-2.68435e+08;)))
  (global (;7;) (mut f32) (f32.const -0x1p+64 (;=-1.84467e+19;)))
  (global (;8;) (mut i32) (i32.const 10))
  (export "hashMemory" (func 5))
  (export "memory" (memory 0))
  (export "hangLimitInitializer" (func 6))
  (elem (;0;) (i32.const 0) func)
  (data (;0;) "z\1ac^\c6VA\9b3\a5\0b\0c\b3\ed\a6b%r(\e5s\bc,\aa0\85\e8\edVI\0a")
  (data (;1;) (i32.const 0) "L\c5D1\f0\a6\d2H\d0\c2")
  (data (;2;) "!\d52\96D\bf]`")
  (data (;3;) (i32.const 10) "\f2\9d\c5\09\5c{\a9\b1\9aI\d7'\e38\eea<\8a-\e6i\c6\8e\94\d9\88\1a"))
