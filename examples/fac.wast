;; The factorial example as a test script: `weft wast examples/fac.wast`.
(module $fac
  (func $fac_rec (export "fac_rec") (param $n i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call $fac_rec (i64.sub (local.get $n) (i64.const 1))))))))

(assert_return (invoke "fac_rec" (i64.const 0)) (i64.const 1))
(assert_return (invoke "fac_rec" (i64.const 20)) (i64.const 2432902008176640000))

(assert_invalid
  (module (func (result i64) (i32.const 0)))
  "type mismatch")

(assert_malformed
  (module quote "(func (result i64) (i64.const 0x1_0000_0000_0000_0000))")
  "constant out of range")
