// V8's side of the differential test: the same protocol as weft_diff_runner.cpp (see there for
// the line format). Needs `node --experimental-wasm-type-reflection` for export signatures.
//   node run_v8.mjs MODULE.wasm   one module, error details on stderr
//   node run_v8.mjs --serve       module paths on stdin, one a line; each transcript ends with a
//                                 line holding only "\x01" (saves Node's start-up per module)
//   node run_v8.mjs MODULE.wasm --dump-memory FILE   also writes the exported memory's bytes
import fs from 'node:fs';
import readline from 'node:readline';

let out = [];
const memoryDumpPath = process.argv[3] === '--dump-memory' ? process.argv[4] : null;
const print = (line) => out.push(line);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function format(type, v) {
  switch (type) {
    case 'i32': return `i32:${v | 0}`;
    case 'i64': return `i64:${BigInt.asIntN(64, v)}`;
    case 'f32':
      if (Number.isNaN(v)) return 'f32:nan';
      f32[0] = v;
      return `f32:0x${u32[0].toString(16).padStart(8, '0')}`;
    case 'f64':
      if (Number.isNaN(v)) return 'f64:nan';
      f64[0] = v;
      return `f64:0x${u64[0].toString(16).padStart(16, '0')}`;
    case 'funcref':
    case 'anyfunc': return v === null ? 'ref:null' : 'ref:func';
    case 'externref': return v === null ? 'ref:null' : 'ref:extern';
    default: return `?${type}`;
  }
}

function zero(type) {
  switch (type) {
    case 'i64': return 0n;
    case 'funcref':
    case 'anyfunc':
    case 'externref': return null;
    default: return 0;
  }
}

// Matches weft_diff_runner.cpp's trap_kind on V8's messages.
function trapKind(e) {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'stack';
  if (!(e instanceof WebAssembly.RuntimeError)) return 'host';
  const m = e.message;
  if (/unreachable/.test(m)) return 'unreachable';
  if (/memory access out of bounds|data segment/.test(m)) return 'memory';
  if (/divide by zero|remainder by zero/.test(m)) return 'div-zero';
  if (/divide result unrepresentable|float unrepresentable/.test(m)) return 'numeric';
  if (/null function or function signature mismatch|signature mismatch/.test(m)) return 'indirect';
  if (/table/.test(m)) return 'table';
  return 'other';
}

function fnv1a(bytes) {
  let h = 2166136261;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const hasV128 = (t) => t.parameters.includes('v128') || t.results.includes('v128');

function run(path) {
  let module;
  try {
    module = new WebAssembly.Module(fs.readFileSync(path));
  } catch (e) {
    print('invalid');
    console.error(e.message);
    return;
  }
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind !== 'function') continue;
    const params = imp.type.parameters;
    const results = imp.type.results.map(zero);
    (imports[imp.module] ??= {})[imp.name] = (...args) => {
      print(['log', ...params.map((t, i) => format(t, args[i]))].join(' '));
      return results.length === 1 ? results[0] : results.length ? results : undefined;
    };
  }
  let instance;
  try {
    instance = new WebAssembly.Instance(module, imports);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      print(`instantiate trap ${trapKind(e)}`);
    } else {
      print('link-error');
      console.error(e.message);
    }
    return;
  }
  const exports = WebAssembly.Module.exports(module);
  for (const exp of exports) {
    if (exp.kind !== 'function') continue;
    if (hasV128(exp.type)) {
      print(`skip ${exp.name}`);
      continue;
    }
    print(`call ${exp.name}`);
    const results = exp.type.results;
    try {
      let r = instance.exports[exp.name](...exp.type.parameters.map(zero));
      if (results.length === 1) r = [r];
      print(['result', ...results.map((t, i) => format(t, r[i]))].join(' '));
    } catch (e) {
      print(`trap ${trapKind(e)}`);
      console.error(`${exp.name}: ${e.message}`);
    }
  }
  for (const exp of exports) {
    const value = instance.exports[exp.name];
    if (exp.kind === 'global') {
      const type = exp.type.value;
      print(`global ${exp.name} ${type === 'v128' ? 'v128' : format(type, value.value)}`);
    } else if (exp.kind === 'memory') {
      const bytes = new Uint8Array(value.buffer);
      print(`memory ${exp.name} ${bytes.length / 65536} ${fnv1a(bytes)}`);
      if (memoryDumpPath) fs.writeFileSync(memoryDumpPath, bytes);
    } else if (exp.kind === 'table') {
      let cells = '';
      for (let i = 0; i < value.length && i < 1000; i++) cells += value.get(i) === null ? 'n' : 'f';
      print(`table ${exp.name} ${value.length} ${cells}`);
    }
  }
}

function flush() {
  const text = out.length ? out.join('\n') + '\n' : '';
  out = [];
  return text;
}

if (process.argv[2] === '--serve') {
  console.error = () => {};
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (path) => {
    run(path);
    process.stdout.write(flush() + '\x01\n');
  });
} else {
  run(process.argv[2]);
  process.stdout.write(flush());
}
