import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  getNullableType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  isObjectType,
  isInterfaceType,
} from 'graphql';

/** LIST_ESTIMATE is the size assumed for a list without a `first` argument. */
const LIST_ESTIMATE = 10;

interface Measure {
  depth: number;
  cost: number;
}

type Fields = Record<string, GraphQLField<unknown, unknown>>;

function fieldsOf(type: GraphQLOutputType | undefined): Fields | undefined {
  const named = type && getNamedType(type);
  return named && (isObjectType(named) || isInterfaceType(named)) ? (named.getFields() as Fields) : undefined;
}

const pageArgument = (node: FieldNode) => node.arguments?.find((a) => a.name.value === 'first');

/** multiplier: a page's size, or an estimate for a plain list; a connection's own `edges` and `nodes` are the page already. */
function multiplier(node: FieldNode, type: GraphQLOutputType, inPage: boolean): number {
  const first = pageArgument(node);
  if (first?.value.kind === Kind.INT) return Math.max(1, Number(first.value.value));
  if (first) return 100;
  return isListType(getNullableType(type)) && !inPage ? LIST_ESTIMATE : 1;
}

/** measure walks a selection set (through fragments) to find its depth and its estimated cost. */
function measure(set: SelectionSetNode, fields: Fields | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>, inPage = false): Measure {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner: Measure = { depth: 0, cost: 0 };
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const field = fields?.[selection.name.value];
      const page = field !== undefined && pageArgument(selection) !== undefined && !isListType(getNullableType(field.type));
      const child = selection.selectionSet && field ? measure(selection.selectionSet, fieldsOf(field.type), fragments, seen, page) : { depth: 0, cost: 0 };
      inner = { depth: child.depth + 1, cost: 1 + (field ? multiplier(selection, field.type, inPage) : 1) * child.cost };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fields, fragments, seen, inPage);
    } else {
      const fragment = fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) continue;
      inner = measure(fragment.selectionSet, fields, fragments, new Set([...seen, fragment.name.value]), inPage);
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

/** queryLimitsRule rejects an operation deeper or costlier than the limits, before it executes. */
export function queryLimitsRule(maxDepth: number, maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const schema = context.getSchema();
    return {
      OperationDefinition(operation) {
        const root = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[operation.operation];
        const { depth, cost } = measure(operation.selectionSet, root?.getFields() as Fields | undefined, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query depth ${depth} exceeds the maximum of ${maxDepth}.`, { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
        if (cost > maxCost) {
          context.reportError(new GraphQLError(`Query cost ${cost} exceeds the maximum of ${maxCost}.`, { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
      },
    };
  };
}
