/*
 * Jest's transform of the TypeScript files: esbuild strips the types, file by file (what
 * ts-jest did with isolatedModules before, for a fraction of the CPU: ts-jest loaded the
 * TypeScript compiler in every worker). Nothing is type-checked here:
 * test/structure/typecheck.test.ts type-checks src/ and test/ once per run (the strict
 * tsconfig.json), so a type error still fails `npm test`. esbuild is already the
 * explorer's bundler (src/cli/build-app.ts), so this adds no dependency.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

// What tsc would do with tsconfig.json: ES2022 class fields, CommonJS modules, source maps for stack traces.
const OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  target: 'es2022',
  platform: 'node',
  sourcemap: 'external',
  tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, esModuleInterop: true } },
  // `await import(...)` becomes a require, as tsc's CommonJS output makes it: Jest's module registry
  // runs without --experimental-vm-modules.
  supported: { 'dynamic-import': false },
};

const IDENTITY = createHash('sha256').update(readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  process(source, path) {
    const { code, map } = transformSync(source, { ...OPTIONS, sourcefile: path });
    return { code, map };
  },
  getCacheKey(source, path) {
    return createHash('sha256').update(IDENTITY).update(path).update('\0').update(source).digest('hex');
  },
};
