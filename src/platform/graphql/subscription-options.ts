import { specifiedRules, validate, type GraphQLError, type ValidationRule } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { formatGraphqlError } from './graphql-errors.js';

const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => formatGraphqlError(e.toJSON(), e));

/** subscriptionOptions gives graphql-ws the same limits and error shapes as HTTP. */
export function subscriptionOptions(limits: ValidationRule): Partial<ServerOptions> {
  return {
    validate: (schema, document) => validate(schema, document, [...specifiedRules, limits]),
    onError: (_ctx, _id, _payload, errors) => formatAll(errors),
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: formatAll(result.errors as readonly GraphQLError[]) } : undefined,
  };
}
