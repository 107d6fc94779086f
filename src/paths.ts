import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above this file whose package.json
 * is claimgraph's. Found by walking up because the code runs both from `src/`
 * (tests) and from `dist/src/` (the built server).
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'claimgraph') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`claimgraph's package.json was not found above ${from}`);
    dir = parent;
  }
}

export const cypherDir = (): string => join(projectRoot(), 'cypher');
export const schemaDir = (): string => join(projectRoot(), 'schema');
export const seedDir = (): string => join(projectRoot(), 'seed');
