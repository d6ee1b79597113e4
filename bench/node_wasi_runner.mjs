// Runs a WASI command module in Node.js, for bench/suite.sh: node node_wasi_runner.mjs FILE.wasm
// [ARGS...]. The process exits with the program's exit code; V8's tiers are chosen by node's own
// flags (e.g. --liftoff --no-wasm-tier-up for the baseline compiler alone).
import { readFile } from 'node:fs/promises';
import { argv, env, exit } from 'node:process';
import { WASI } from 'node:wasi';

const [file, ...args] = argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
