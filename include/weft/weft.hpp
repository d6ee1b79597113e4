// The weft embedding API (wasmtime's model): Engine, Module, Store<T>, Linker<T>, Instance,
// Func/TypedFunc, Memory, Table, Global, Val. See docs/embedding.md.
#pragma once

#include "weft/engine.hpp"
#include "weft/externs.hpp"
#include "weft/func.hpp"
#include "weft/instance.hpp"
#include "weft/linker.hpp"
#include "weft/module.hpp"
#include "weft/result.hpp"
#include "weft/store.hpp"
#include "weft/typed_func.hpp"
#include "weft/types.hpp"
#include "weft/val.hpp"
#include "weft/wasi.hpp"
