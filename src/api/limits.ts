import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import type { Limits } from '../config';
import type { Context } from './context';
import { DEFAULT_PAGE_SIZE } from './pagination';

/*
 * The limits on what one operation may ask for. Depth, aliases and
 * directives are validation rules (they need only the document); the cost
 * needs the variables (`first: $n`), so it is checked once the operation is
 * resolved, before anything runs. Tokens are counted by the parser itself
 * (`parseOptions.maxTokens`). In production the messages name the limit but
 * never its value, so probing learns nothing to tune an attack with.
 */

export type LimitName = 'depth' | 'cost' | 'aliases' | 'directives' | 'tokens';

/** Introspection has its own depth cap: a client's standard introspection query is about 13 levels deep. */
export const INTROSPECTION_MAX_DEPTH = 15;

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Fields that cost more than 1 in the estimate, by what they produce: a
 * claim's provenance serialises its whole attribution chain (statements,
 * documents, sources and their parents), a deletion preview lists every node
 * and relationship a deletion removes. What they really produce is bounded
 * apart (CLAIMGRAPH_MAX_OUTPUT_BYTES; the preview's pages).
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Claim.provenance': 500,
  'Query.deletionPreview': 200,
};

/** The shape of a selection: its depth (outside introspection), introspection depth, aliases and directives. */
interface Shape {
  depth: number;
  introspectionDepth: number;
  aliases: number;
  directives: number;
}

const directivesOf = (node: { directives?: readonly unknown[] | undefined }) => node.directives?.length ?? 0;

/**
 * Measures an operation with every fragment expanded where it is spread.
 * Each fragment is measured once and reused (a fragment spread twice per
 * level would otherwise cost 2^n to walk); a fragment cycle counts as
 * empty, and NoFragmentCyclesRule reports it.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): Shape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, Shape>();
  const inProgress = new Set<string>();

  const measure = (set: SelectionSetNode): Shape => {
    const shape: Shape = { depth: 0, introspectionDepth: 0, aliases: 0, directives: 0 };
    const add = (inner: Shape, extraDepth: number, introspection: boolean) => {
      if (introspection) shape.introspectionDepth = Math.max(shape.introspectionDepth, inner.depth + extraDepth, inner.introspectionDepth + extraDepth);
      else {
        shape.depth = Math.max(shape.depth, inner.depth + extraDepth);
        if (inner.introspectionDepth > 0) shape.introspectionDepth = Math.max(shape.introspectionDepth, inner.introspectionDepth + extraDepth);
      }
      shape.aliases += inner.aliases;
      shape.directives += inner.directives;
    };
    for (const s of set.selections) {
      shape.directives += directivesOf(s);
      if (s.kind === Kind.FIELD) {
        if (s.alias !== undefined) shape.aliases += 1;
        const inner = s.selectionSet ? measure(s.selectionSet) : { depth: 0, introspectionDepth: 0, aliases: 0, directives: 0 };
        add(inner, 1, INTROSPECTION_FIELDS.has(s.name.value));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        add(measure(s.selectionSet), 0, false);
      } else {
        const name = s.name.value;
        const fragment = fragments.get(name);
        if (fragment === undefined || inProgress.has(name)) continue;
        let inner = memo.get(name);
        if (inner === undefined) {
          inProgress.add(name);
          inner = measure(fragment.selectionSet);
          inProgress.delete(name);
          inner = { ...inner, directives: inner.directives + directivesOf(fragment) };
          memo.set(name, inner);
        }
        add(inner, 0, false);
      }
    }
    return shape;
  };
  const shape = measure(operation.selectionSet);
  return { ...shape, directives: shape.directives + directivesOf(operation) };
}

/** A limit's error: the numbers only outside production. */
export function limitError(limit: LimitName, production: boolean, detail: string, nodes?: readonly ASTNode[] | ASTNode): GraphQLError {
  const plain: Record<LimitName, string> = {
    depth: 'The query is nested too deeply.',
    cost: 'The query asks for too much at once.',
    aliases: 'The query uses too many aliases.',
    directives: 'The query uses too many directives.',
    tokens: 'The query document is too large.',
  };
  const message = production ? plain[limit] : `${plain[limit]} ${detail}`;
  return new GraphQLError(message, { ...(nodes ? { nodes } : {}), extensions: { limit } });
}

/** Depth, aliases and directives, as one validation rule. */
export function shapeLimitsRule(limits: Pick<Limits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>, production: boolean): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const shape = measureOperation(context.getDocument(), operation);
      if (shape.depth > limits.maxDepth) {
        context.reportError(limitError('depth', production, `It is ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed.`, operation));
      }
      if (shape.introspectionDepth > Math.max(INTROSPECTION_MAX_DEPTH, limits.maxDepth)) {
        context.reportError(limitError('depth', production, `Its introspection is ${shape.introspectionDepth} levels deep; at most ${INTROSPECTION_MAX_DEPTH} are allowed.`, operation));
      }
      if (shape.aliases > limits.maxAliases) {
        context.reportError(limitError('aliases', production, `It has ${shape.aliases}; at most ${limits.maxAliases} are allowed.`, operation));
      }
      if (shape.directives > limits.maxDirectives) {
        context.reportError(limitError('directives', production, `It has ${shape.directives}; at most ${limits.maxDirectives} are allowed.`, operation));
      }
      return false;
    },
  });
}

/** The literal or variable value of an argument, if it is a number. */
function numberArgument(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/**
 * The estimated cost of an operation: every field counts 1, and what is
 * under a list counts once per item. A list with `first` counts `first`
 * items (its default, or the default page size, when absent; clamped to the
 * page-size cap, which the resolver enforces with its own message); the
 * `edges` and `nodes` of a connection count once more (its `first` already
 * counted); a list of one item per id given (`nodes(ids:)`) counts the ids;
 * any other list of objects counts `listEstimate` items.
 * Introspection and `__typename` are free.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: Pick<Limits, 'listEstimate' | 'maxPageSize'>,
): number {
  return costOf(schema, document, operation, variables, limits).cost;
}

/** The cost, and whether a variable's value went into it (then it holds for those values only). */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: Pick<Limits, 'listEstimate' | 'maxPageSize'>,
): { cost: number; readsVariables: boolean } {
  let readsVariables = false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const multiplier = (field: GraphQLField<unknown, unknown>, args: readonly { name: { value: string }; value: ValueNode }[], parent: GraphQLNamedType): number => {
    const firstArg = field.args.find((a) => a.name === 'first');
    if (firstArg !== undefined) {
      const given = args.find((a) => a.name.value === 'first');
      if (given?.value.kind === Kind.VARIABLE) readsVariables = true;
      const n = given !== undefined ? numberArgument(given.value, variables) : typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : undefined;
      return Math.min(Math.max(0, Math.floor(n ?? DEFAULT_PAGE_SIZE)), limits.maxPageSize);
    }
    if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type))) return 1;
    // A lookup of many ids (`nodes(ids:)`) returns one item per id: as many as it is given, at most the cap the resolver enforces.
    const given = args.find((a) => a.name.value === 'ids');
    if (given !== undefined && field.args.some((a) => a.name === 'ids')) {
      if (given.value.kind === Kind.VARIABLE) readsVariables = true;
      const ids = given.value.kind === Kind.LIST ? given.value.values.length : given.value.kind === Kind.VARIABLE ? variables[given.value.name.value] : undefined;
      const n = typeof ids === 'number' ? ids : Array.isArray(ids) ? ids.length : 1;
      return Math.min(n, limits.maxPageSize);
    }
    return parent.name.endsWith('Connection') ? 1 : limits.listEstimate;
  };

  const cost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): number => {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const name = s.name.value;
        if (name === '__typename' || INTROSPECTION_FIELDS.has(name)) continue;
        const field = parent !== undefined && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        if (field === undefined || parent === undefined) continue; // validation has reported it
        const inner = s.selectionSet ? cost(s.selectionSet, getNamedType(field.type)) : 0;
        total += (FIELD_COSTS[`${parent.name}.${name}`] ?? 1) + multiplier(field, s.arguments ?? [], parent) * inner;
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        total += cost(s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent);
      } else {
        const name = s.name.value;
        const fragment = fragments.get(name);
        if (fragment === undefined || inProgress.has(name)) continue;
        let c = memo.get(name);
        if (c === undefined) {
          inProgress.add(name);
          c = cost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
          inProgress.delete(name);
          memo.set(name, c);
        }
        total += c;
      }
    }
    return total;
  };
  const total = cost(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
  return { cost: total, readsVariables };
}

/**
 * Where costPlugin keeps the cost of an operation that reads no variable.
 * Apollo hands out the same parsed document for the same query text (its
 * documentStore), so an operation node identifies one operation of one
 * query; a WeakMap forgets it when Apollo's cache drops the document.
 */
export interface CostMemo {
  get(operation: OperationDefinitionNode): number | undefined;
  set(operation: OperationDefinitionNode, cost: number): unknown;
}

/**
 * Refuses an operation whose estimated cost is over the limit, before any
 * resolver runs. A cost that no variable changes is computed once per
 * operation (`memo`); one that reads `first: $n` is computed per request.
 */
export function costPlugin(
  limits: Pick<Limits, 'maxCost' | 'listEstimate' | 'maxPageSize'>,
  production: boolean,
  memo: CostMemo = new WeakMap<OperationDefinitionNode, number>(),
): ApolloServerPlugin<Context> {
  // One schema per server: a memo never outlives the schema its costs were computed on.
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation === undefined || operation === null) return;
          let cost = memo.get(operation);
          if (cost === undefined) {
            const computed = costOf(schema, document, operation, request.variables ?? {}, limits);
            cost = computed.cost;
            if (!computed.readsVariables) memo.set(operation, cost);
          }
          if (cost > limits.maxCost) {
            const error = limitError('cost', production, `Its estimated cost is ${cost}; at most ${limits.maxCost} is allowed (lists count \`first\` items, ${limits.listEstimate} without it).`, operation);
            throw new GraphQLError(error.message, { nodes: operation, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', http: { status: 400, headers: new Map() } } });
          }
        },
      };
    },
  };
}

/** graphql-js's own token-limit message, which names the number. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens\. Parsing aborted\.$/; // graphql 16 spells it "more that"
/** Field, argument and enum suggestions: they map the schema for someone who cannot introspect it. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;
const APOLLO_NO_INTROSPECTION = /^GraphQL introspection is not allowed by Apollo Server/;

/** Rewrites what GraphQL and Apollo say so that, in production, no limit value and no schema hint leaks. */
export function presentError<T extends { message: string; extensions?: Record<string, unknown> }>(formatted: T, production: boolean): T {
  let { message } = formatted;
  let extensions = formatted.extensions;
  if (TOKEN_LIMIT.test(message)) {
    extensions = { ...extensions, limit: 'tokens' };
    if (production) message = 'Syntax Error: The query document is too large.';
  }
  if (APOLLO_NO_INTROSPECTION.test(message)) message = 'Introspection is turned off on this server.';
  if (production) message = message.replace(SUGGESTION, '');
  return message === formatted.message && extensions === formatted.extensions ? formatted : { ...formatted, message, ...(extensions ? { extensions } : {}) };
}
