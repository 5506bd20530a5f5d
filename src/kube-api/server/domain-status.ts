/** Domain errors from the cluster commands, answered as the Kubernetes API server's Status objects. */
import { isDomainError } from '../../platform/kernel/index.js';
import type { ApiResource } from '../discovery/api-resources.js';
import { alreadyExists, conflict, failure, internalError, notFound, type Status } from '../status/status.js';

/** domainStatus maps a command's rejection to a Status (409 AlreadyExists or Conflict, 404, 422), or undefined for an unexpected error. */
export function domainStatus(error: unknown, resource: ApiResource, name: string): Status {
  if (!isDomainError(error)) return internalError(error instanceof Error ? error.message : String(error));
  const gr = { group: resource.group, resource: resource.resource };
  switch (error.code) {
    case 'CONFLICT':
      if (error.message.endsWith('already exists')) return alreadyExists(gr, name);
      if (error.field === 'metadata.resourceVersion') return conflict(gr, name);
      return failure(409, 'Conflict', error.message, { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.resource });
    case 'NOT_FOUND': {
      const match = /^(\S+) "([^"]*)" not found$/.exec(error.message);
      return match ? notFound({ group: '', resource: match[1] }, match[2]) : failure(404, 'NotFound', error.message);
    }
    case 'BAD_USER_INPUT':
      return failure(422, 'Invalid', error.message, { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.kind, causes: (error.details ?? [error.message]).map((message) => ({ message })) });
    case 'FORBIDDEN':
      return failure(403, 'Forbidden', error.message);
    case 'QUOTA_EXCEEDED':
      return failure(403, 'Forbidden', `exceeded quota: ${error.message}`);
    default:
      return failure(400, 'BadRequest', error.message);
  }
}
