import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, findBreakingChanges, isSpecifiedScalarType, parse, type GraphQLSchema } from 'graphql';
import { loadTypeDefs } from '../../src/api/schema';
import { projectRoot } from '../../src/paths';

/*
 * History lives in docs/CHANGELOG.md, not in the schema's descriptions; and
 * every breaking change since the schema before issue 15 is named there.
 */

const changelog = readFileSync(join(projectRoot(), 'docs', 'CHANGELOG.md'), 'utf8');
const now: GraphQLSchema = buildASTSchema(loadTypeDefs());
// That schema defined two enum values twice, which graphql-js's validation refuses.
const before: GraphQLSchema = buildASTSchema(parse(readFileSync(join(projectRoot(), 'test', 'fixtures', 'schema', 'before-issue-15.graphql'), 'utf8')), { assumeValidSDL: true });

/** The schema coordinate a breaking change is about, as graphql-js describes it. */
function coordinate(description: string): string {
  const requiredArg = /^A required arg \w+ on ([\w.]+) was added/.exec(description);
  if (requiredArg) return requiredArg[1]!;
  const requiredField = /^A required field (\w+) on input type (\w+) was added/.exec(description);
  if (requiredField) return `${requiredField[2]}.${requiredField[1]}`;
  return /^([A-Z]\w*(?:\.\w+)?)/.exec(description)![1]!;
}

it('names every breaking change of the schema in the changelog', () => {
  const changes = findBreakingChanges(before, now);
  expect(changes.length).toBeGreaterThan(0);
  const missing = [...new Set(changes.map((c) => coordinate(c.description)))].filter((c) => !changelog.includes(`\`${c}\``));
  expect(missing).toEqual([]);
});

it('says that `id` became a global id, which findBreakingChanges cannot see (the type stayed ID!)', () => {
  expect(changelog).toMatch(/`id` on `Claim`, `Source`, `Statement`, `Document`,\s+`Entity`, `Question`, `Assessment` and `Change` is now a global id/);
  expect(changelog).toContain('`recordId`');
});

it('keeps history out of the schema descriptions', () => {
  const history = /\b(before pages|used to|formerly|previously|was renamed|no longer (?:takes|returns|lists|accepts)|in version \d|until version)\b/i;
  const found: string[] = [];
  for (const type of Object.values(now.getTypeMap())) {
    // graphql-js's own types and scalars (ID's description says "used to refetch").
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (type.description && history.test(type.description)) found.push(type.name);
    if ('getFields' in type) {
      for (const field of Object.values(type.getFields())) {
        if (field.description && history.test(field.description)) found.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (arg.description && history.test(arg.description)) found.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  expect(found).toEqual([]);
});
