import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError, OperationTypeNode, type DocumentNode, type ValidationRule } from 'graphql';
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

const OPERATION_TYPES = [OperationTypeNode.QUERY, OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION] as const;

/**
 * Refuses an operation of a type the schema has no root for (a subscription:
 * the API has none). graphql-js 16 lets it through validation and fails it
 * at execution with an error that has no code, which is masked as INTERNAL
 * and logged as a server failure; graphql-js 17 has this rule built in
 * (KnownOperationTypesRule).
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    if (schema.getRootType(node.operation)) return;
    const offered = OPERATION_TYPES.filter((t) => schema.getRootType(t)).map((t) => `a ${t}`);
    const expected = offered.length > 1 ? `${offered.slice(0, -1).join(', ')} or ${offered[offered.length - 1]}` : (offered[0] ?? 'nothing');
    context.reportError(new GraphQLError(`This API has no ${node.operation} operations: expected ${expected}, got a ${node.operation}.`, { nodes: node }));
  },
});
