import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { show } from '../errors';
import type { BundleProblem } from '../graph/bundle';
import { invalid } from '../graph/editing';
import type { Context } from './context';

/*
 * Global ids (Relay's Global Object Identification). A record's id is unique
 * within its type only: a claim and a source may both be "x". The API's `id`
 * is therefore the record's type and id together, base64-encoded as
 * graphql-relay's toGlobalId writes it ("Claim:x" → "Q2xhaW06eA=="); the
 * record's own id stays readable as `recordId`. Every ID an argument or an
 * input takes is either: a global id of the expected type, or a record id.
 */

export const NODE_TYPES = ['Claim', 'Source', 'Statement', 'Document', 'Entity', 'Question', 'Assessment', 'Change'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const toGlobalId = (type: NodeType, recordId: string): string => Buffer.from(`${type}:${recordId}`, 'utf8').toString('base64');

/** The type and record id of a global id; null when `id` is not one (only the canonical encoding is). */
export function fromGlobalId(id: string): { type: NodeType; recordId: string } | null {
  if (id.length === 0 || id.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return null;
  const text = Buffer.from(id, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  const type = text.slice(0, colon) as NodeType;
  const recordId = text.slice(colon + 1);
  if (colon < 1 || !NODE_TYPES.includes(type) || recordId === '' || toGlobalId(type, recordId) !== id) return null;
  return { type, recordId };
}

/** What an ID argument or input field names: a record of one type, or of the type its sibling `kind` names. */
type Target = NodeType | 'KIND';

/**
 * Every ID argument and input field of the schema, by `Parent.field` (root
 * arguments as `Query.claim.id`). test/api/global-ids.test.ts checks that
 * the schema has no ID input missing here.
 */
export const ID_TARGETS: Readonly<Record<string, Target>> = {
  'Query.claim.id': 'Claim',
  'Query.source.id': 'Source',
  'Query.statement.id': 'Statement',
  'Query.document.id': 'Document',
  'Query.entity.id': 'Entity',
  'Query.question.id': 'Question',
  'Query.conflicts.claimId': 'Claim',
  'Query.conflicts.sourceId': 'Source',
  'Query.deletionPreview.id': 'KIND',
  'CreateSourceInput.id': 'Source',
  'UpdateSourceInput.id': 'Source',
  'CreateSourceInput.entity': 'Entity',
  'UpdateSourceInput.entity': 'Entity',
  'CreateEntityInput.id': 'Entity',
  'UpdateEntityInput.id': 'Entity',
  'CreateDocumentInput.id': 'Document',
  'CreateDocumentInput.publisher': 'Source',
  'UpdateDocumentInput.id': 'Document',
  'UpdateDocumentInput.publisher': 'Source',
  'CreateClaimInput.id': 'Claim',
  'CreateClaimInput.about': 'Entity',
  'UpdateClaimInput.id': 'Claim',
  'UpdateClaimInput.about': 'Entity',
  'RecordStatementInput.id': 'Statement',
  'RecordStatementInput.source': 'Source',
  'RecordStatementInput.claim': 'Claim',
  'RecordStatementInput.derivedFrom': 'Statement',
  'RecordStatementInput.supersedes': 'Statement',
  'AppearanceInput.document': 'Document',
  'IntermediaryInput.source': 'Source',
  'IntermediaryInput.document': 'Document',
  'RetractionInput.by': 'Source',
  'RetractionInput.document': 'Document',
  'LinkClaimsInput.from': 'Claim',
  'LinkClaimsInput.to': 'Claim',
  'UnlinkClaimsInput.from': 'Claim',
  'UnlinkClaimsInput.to': 'Claim',
  'MergeSourcesInput.keep': 'Source',
  'MergeSourcesInput.merge': 'Source',
  'MergeClaimsInput.keep': 'Claim',
  'MergeClaimsInput.merge': 'Claim',
  'MergeEntitiesInput.keep': 'Entity',
  'MergeEntitiesInput.merge': 'Entity',
  'RejectDuplicateInput.a': 'KIND',
  'RejectDuplicateInput.b': 'KIND',
  'DeleteInput.id': 'KIND',
  'RateSourceInput.source': 'Source',
  'AssessClaimInput.claim': 'Claim',
  'CreateQuestionInput.id': 'Question',
  'CreateQuestionInput.hypotheses': 'Claim',
  'UpdateQuestionInput.id': 'Question',
  'UpdateQuestionInput.hypotheses': 'Claim',
  'SetAchCellInput.question': 'Question',
  'SetAchCellInput.hypothesis': 'Claim',
  'ClearAchCellInput.question': 'Question',
  'ClearAchCellInput.hypothesis': 'Claim',
  'AchEvidenceInput.statement': 'Statement',
  'AchEvidenceInput.claim': 'Claim',
};

/** The node type a `kind` value (DeletableKind, DuplicateKind) names. */
const TYPE_OF_KIND: Readonly<Record<string, NodeType>> = {
  CLAIM: 'Claim',
  SOURCE: 'Source',
  DOCUMENT: 'Document',
  STATEMENT: 'Statement',
  ENTITY: 'Entity',
};

const article = (type: NodeType) => (/^[AEIOU]/.test(type) ? 'an' : 'a');

/** The record id an ID value names, or a problem when it is the global id of a record of another type. */
function recordIdOf(value: string, type: NodeType | undefined, path: string): string | BundleProblem {
  const global = fromGlobalId(value);
  if (global === null) return value;
  if (type === undefined || global.type === type) return global.recordId;
  return {
    path,
    expected: `the id of ${article(type)} ${type.toLowerCase()} (its global id or its record id)`,
    got: `${show(value)}, the global id of ${article(global.type)} ${global.type.toLowerCase()}`,
  };
}

function walk(value: unknown, type: GraphQLInputType, key: string, path: string, siblings: Record<string, unknown>, problems: BundleProblem[]): unknown {
  if (value === null || value === undefined) return value;
  const t = getNullableType(type);
  if (isListType(t)) return Array.isArray(value) ? value.map((v, i) => walk(v, t.ofType as GraphQLInputType, key, `${path}[${i}]`, siblings, problems)) : value;
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    const o = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fields[k] === undefined ? v : walk(v, fields[k].type, `${t.name}.${k}`, `${path}.${k}`, o, problems)]));
  }
  if (isScalarType(t) && t.name === 'ID' && typeof value === 'string') {
    const target = ID_TARGETS[key];
    const expected = target === 'KIND' ? TYPE_OF_KIND[String(siblings.kind)] : target;
    const id = recordIdOf(value, expected, path);
    if (typeof id === 'string') return id;
    problems.push(id);
  }
  return value;
}

/**
 * The arguments of the field being resolved, every ID in them (at any depth
 * of an input) read as a record id: a global id of the expected type gives
 * its record id; a record id is kept. A global id of another type is
 * BAD_USER_INPUT, with the path of each.
 */
export function withRecordIds<A extends Record<string, unknown>>(args: A, info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>): A {
  const field = info.parentType.getFields()[info.fieldName];
  if (field === undefined) return args;
  const problems: BundleProblem[] = [];
  const out: Record<string, unknown> = { ...args };
  for (const arg of field.args) {
    if (args[arg.name] !== undefined) out[arg.name] = walk(args[arg.name], arg.type, `${info.parentType.name}.${info.fieldName}.${arg.name}`, arg.name, args, problems);
  }
  if (problems.length > 0) throw invalid(problems);
  return out as A;
}

/** Wraps a resolver so that every ID of its arguments is read as a record id. */
export function byRecordIds<A extends Record<string, unknown>, R>(resolve: (parent: unknown, args: A, ctx: Context, info: GraphQLResolveInfo) => R) {
  return (parent: unknown, args: A, ctx: Context, info: GraphQLResolveInfo): R => resolve(parent, withRecordIds(args, info), ctx, info);
}
