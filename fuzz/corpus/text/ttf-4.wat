(module
  (type (;0;) (func (result i32)))
  (type (;1;) (func (param i32)))
  (type (;2;) (func (param i64)))
  (type (;3;) (func (param f32)))
  (type (;4;) (func (param f64)))
  (type (;5;) (func (param v128)))
  (type (;6;) (func (param v128) (result f64)))
  (type (;7;) (func))
  (import "fuzzing-support" "log-i32" (func (;0;) (type 1)))
  (import "fuzzing-support" "log-i64" (func (;1;) (type 2)))
  (import "fuzzing-support" "log-f32" (func (;2;) (type 3)))
  (import "fuzzing-support" "log-f64" (func (;3;) (type 4)))
  (import "fuzzing-support" "log-v128" (func (;4;) (type 5)))
  (func (;5;) (type 0) (result i32)
    (local i32)
    block  ;; label = @1
      global.get 2
      i32.eqz
      if  ;; label = @2
        i32.const -43
        return
      end
      global.get 2
      i32.const 1
      i32.sub
      global.set 2
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
  (func (;6;) (type 6) (param v128) (result f64)
    (local f32 i32 i32)
    block  ;; label = @1
      global.get 2
      i32.eqz
      if  ;; label = @2
        f64.const -0x1.14p+6 (;=-69;)
        return
      end
      global.get 2
      i32.const 1
      i32.sub
      global.set 2
    end
    block (result f64)  ;; label = @1
      loop  ;; label = @2
        block  ;; label = @3
          global.get 2
          i32.eqz
          if  ;; label = @4
            f64.const -nan:0xfffffffffcd70 (;=-nan;)
            return
          end
          global.get 2
          i32.const 1
          i32.sub
          global.set 2
        end
        block  ;; label = @3
          block  ;; label = @4
            loop  ;; label = @5
              block  ;; label = @6
                global.get 2
                i32.eqz
                if  ;; label = @7
                  f64.const -0x1.fffffffffffffp+1023 (;=-1.79769e+308;)
                  return
                end
                global.get 2
                i32.const 1
                i32.sub
                global.set 2
              end
              block  ;; label = @6
                block (result i32)  ;; label = @7
                  i32.const 8388607
                  local.get 2
                  br_if 0 (;@7;)
                  i32.const 15
                  i32.and
                  v128.const i32x4 0x00005e4c 0x01ff7515 0x7f94ee00 0x01ff0180
                  v128.store offset=3 align=1
                  i32.const -256
                end
                if  ;; label = @7
                  nop
                  nop
                else
                  local.get 0
                  drop
                end
                loop  ;; label = @7
                  block  ;; label = @8
                    global.get 2
                    i32.eqz
                    if  ;; label = @9
                      f64.const -nan:0xfffffffffff83 (;=-nan;)
                      return
                    end
                    global.get 2
                    i32.const 1
                    i32.sub
                    global.set 2
                  end
                  block  ;; label = @8
                    loop (result v128)  ;; label = @9
                      block  ;; label = @10
                        global.get 2
                        i32.eqz
                        if  ;; label = @11
                          f64.const 0x1.58p+6 (;=86;)
                          return
                        end
                        global.get 2
                        i32.const 1
                        i32.sub
                        global.set 2
                      end
                      local.get 0
                    end
                    local.tee 0
                    i8x16.extract_lane_u 15
                    i32.eqz
                    if  ;; label = @9
                      loop  ;; label = @10
                        block  ;; label = @11
                          global.get 2
                          i32.eqz
                          if  ;; label = @12
                            f64.const 0x1p+17 (;=131072;)
                            return
                          end
                          global.get 2
                          i32.const 1
                          i32.sub
                          global.set 2
                        end
                        block  ;; label = @11
                          block  ;; label = @12
                            f64.const -0x1.26e978d4fdf3bp-1 (;=-0.576;)
                            call 3
                            nop
                          end
                          i32.const 4
                          i32.eqz
                          br_if 1 (;@10;)
                          f32.const 0x1p+59 (;=5.76461e+17;)
                          local.set 1
                        end
                      end
                      block  ;; label = @10
                        block  ;; label = @11
                          i64.const -2147483647
                          i64x2.splat
                          local.set 0
                        end
                        loop  ;; label = @11
                          block  ;; label = @12
                            global.get 2
                            i32.eqz
                            if  ;; label = @13
                              f64.const 0x1p+34 (;=1.71799e+10;)
                              return
                            end
                            global.get 2
                            i32.const 1
                            i32.sub
                            global.set 2
                          end
                          block  ;; label = @12
                            block  ;; label = @13
                              local.get 2
                              i32.eqz
                              if  ;; label = @14
                                nop
                                f32.const 0x1p+59 (;=5.76461e+17;)
                                local.set 1
                              else
                                loop (result i32)  ;; label = @15
                                  block  ;; label = @16
                                    global.get 2
                                    i32.eqz
                                    if  ;; label = @17
                                      f64.const 0x1p+47 (;=1.40737e+14;)
                                      return
                                    end
                                    global.get 2
                                    i32.const 1
                                    i32.sub
                                    global.set 2
                                  end
                                  i32.const -32767
                                  local.tee 2
                                  i32.const 15
                                  i32.and
                                end
                                br_if 1 (;@13;)
                                loop  ;; label = @15
                                  block  ;; label = @16
                                    global.get 2
                                    i32.eqz
                                    if  ;; label = @17
                                      f64.const -nan:0xfffffffffffe4 (;=-nan;)
                                      return
                                    end
                                    global.get 2
                                    i32.const 1
                                    i32.sub
                                    global.set 2
                                  end
                                  block  ;; label = @16
                                    block  ;; label = @17
                                      local.get 2
                                      i32.const 15
                                      i32.and
                                      v128.const i32x4 0xf3400000 0x41efffff 0x00000000 0x43e00000
                                      f32x4.extract_lane 3
                                      f32.store offset=2 align=2
                                      data.drop 1
                                    end
                                    block  ;; label = @17
                                      data.drop 5
                                      br 9 (;@8;)
                                    end
                                    unreachable
                                  end
                                  unreachable
                                end
                                unreachable
                              end
                              i32.const -32767
                              if  ;; label = @14
                                nop
                              else
                                f64.const 0x1p+50 (;=1.1259e+15;)
                                f64.const -nan:0xfffffffffffe8 (;=-nan;)
                                f64.mul
                                call 3
                              end
                            end
                            local.get 2
                            br_if 1 (;@11;)
                            nop
                          end
                        end
                      end
                    else
                      loop (result i32)  ;; label = @10
                        block  ;; label = @11
                          global.get 2
                          i32.eqz
                          if  ;; label = @12
                            f64.const 0x1.fffp+12 (;=8191;)
                            return
                          end
                          global.get 2
                          i32.const 1
                          i32.sub
                          global.set 2
                        end
                        block (result i32)  ;; label = @11
                          block  ;; label = @12
                            loop  ;; label = @13
                              block  ;; label = @14
                                global.get 2
                                i32.eqz
                                if  ;; label = @15
                                  f64.const -0x1p+59 (;=-5.76461e+17;)
                                  return
                                end
                                global.get 2
                                i32.const 1
                                i32.sub
                                global.set 2
                              end
                              local.get 0
                              local.set 0
                            end
                            loop (result i32)  ;; label = @13
                              block  ;; label = @14
                                global.get 2
                                i32.eqz
                                if  ;; label = @15
                                  f64.const 0x1p+13 (;=8192;)
                                  return
                                end
                                global.get 2
                                i32.const 1
                                i32.sub
                                global.set 2
                              end
                              block (result i32)  ;; label = @14
                                i64.const 65535
                                i32.wrap_i64
                                i32.eqz
                                br_if 12 (;@2;)
                                local.get 2
                                br_if 1 (;@13;)
                                local.get 2
                              end
                            end
                            i32.const 15
                            local.get 2
                            select
                            i32.const 15
                            i32.and
                            i32.const 104
                            if (result i32)  ;; label = @13
                              local.get 2
                            else
                              i32.const -108
                            end
                            local.get 2
                            memory.fill
                          end
                          f64.const -0x1.fffffffffffffp+1023 (;=-1.79769e+308;)
                          f64.const -nan:0xfffffffffff9f (;=-nan;)
                          i32.const -8638
                          i64.const -2147483647
                          drop
                          local.set 3
                          drop
                          drop
                          local.get 3
                          local.tee 2
                          br_if 1 (;@10;)
                          i32.const -108
                        end
                      end
                      i32.const 15
                      local.get 2
                      local.tee 2
                      i32.load16_s offset=1
                      select
                      if  ;; label = @10
                        nop
                      else
                        nop
                      end
                      nop
                    end
                    nop
                  end
                end
              end
            end
            v128.const i32x4 0xfefe5de4 0x0d460fc6 0xc5ef1381 0x01c700ce
            local.set 0
          end
          local.get 2
          br_if 1 (;@2;)
          nop
        end
      end
      f64.const 0x1.ffa8a0d6p+31 (;=4.2921e+09;)
    end)
  (func (;7;) (type 7)
    i32.const 10
    global.set 2)
  (table (;0;) 0 0 funcref)
  (memory (;0;) 16 17)
  (global (;0;) (mut f64) (f64.const 0x1.14d8p+14 (;=17718;)))
  (global (;1;) (mut f32) (f32.const 0x1p+31 (;=2.14748e+09;)))
  (global (;2;) (mut i32) (i32.const 10))
  (export "hashMemory" (func 5))
  (export "memory" (memory 0))
  (export "func" (func 6))
  (export "hangLimitInitializer" (func 7))
  (elem (;0;) (i32.const 0) func)
  (data (;0;) "\d7\8e\eeA")
  (data (;1;) "\d3\d8\14\e27\89~\c9\89\a9\90\85\87\a2]\c9\0b\c07\db\a4PK\db")
  (data (;2;) (i32.const 0) "6\d6\f0%\e7\da^\15e\b1b\c4\86/\b5\b8.&!`\db\fa3\b7\fdW\16\aa")
  (data (;3;) "\83\82zk")
  (data (;4;) (i32.const 28) "2\af\1a1\e8J\a4\0a\1d[\a9\09C\f0`\e7")
  (data (;5;) "\8a\be,6\ba4\b5\e4\19\dd\10,\e1G\95\ae\89\11\ae\ca\dfn\a2")
  (data (;6;) "\a9\b43\95\b61C\96\0f\a0\01\de\c6\d0")
  (data (;7;) (i32.const 44) "E\dd\e9\b1\ff\a3\bd+\5c\ddsb\c4\f3O\d3\16>D \0b\f3\15\94T\95]\df"))
