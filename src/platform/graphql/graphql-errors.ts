import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isDomainError } from '../kernel/domain-error.js';

const logger = new Logger('GraphQL');

/** formatGraphqlError puts a DomainError's code and field into `extensions`, and hides internals. */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { message, locations, path } = formatted;
  if (isDomainError(original)) {
    const { code, field, details } = original;
    const extensions = { code, ...(field === undefined ? {} : { field }), ...(details === undefined ? {} : { details }) };
    return { message: original.message, locations, path, extensions };
  }
  const code = formatted.extensions?.code;
  if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
    return { message: 'Internal server error', locations, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { message, locations, path, extensions };
}
