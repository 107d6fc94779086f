import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentNode } from 'graphql';
import gql from 'graphql-tag';
import { schemaDir } from '../paths';

/** The API contract: every `schema/*.graphql` file, in name order, as one SDL document. */
export function loadTypeDefs(dir: string = schemaDir()): DocumentNode {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  if (files.length === 0) throw new Error(`No .graphql files in ${dir}: the API has no schema.`);
  return gql(files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n'));
}
