#!/usr/bin/env node
// The tkesim command; `npm run build` compiles it into dist/.
import '../dist/src/cli/main.js';
