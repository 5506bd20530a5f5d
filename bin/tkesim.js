#!/usr/bin/env -S node --max-semi-space-size=64 --min-semi-space-size=64
// The tkesim command; `npm run build` compiles it into dist/.
// The server keeps every cluster's objects in memory and allocates fast while it settles: a 64 MiB young generation
// (Node's default is 16) lets short-lived garbage die young instead of being promoted (docs/benchmarks.md).
import '../dist/src/cli/main.js';
