/** ErrorCode is the `extensions.code` of a GraphQL error and maps to a Kubernetes Status code. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'QUOTA_EXCEEDED'
  | 'FAILED_PRECONDITION';

/** DomainError is a rejection a user can act on: a code, a message, and the input field at fault. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** details lists every problem when there are several (a manifest's validation errors). */
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toJSON(): { code: ErrorCode; message: string; field?: string; details?: readonly string[] } {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** invalid is Kubernetes' field error: `spec.podCidr: Invalid value: "x": must be a valid CIDR`. */
export function invalid(field: string, value: unknown, detail: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`, field);
}

/** unsupported is Kubernetes' `Unsupported value: "x": supported values: "a", "b"`. */
export function unsupported(field: string, value: unknown, supported: readonly string[]): DomainError {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return new DomainError('BAD_USER_INPUT', `${field}: Unsupported value: ${JSON.stringify(value)}: supported values: ${list}`, field);
}

/** notFound is worded as the API server words it: `clusters "cls-1" not found`. */
export function notFound(resource: string, name: string, field?: string): DomainError {
  return new DomainError('NOT_FOUND', `${resource} "${name}" not found`, field);
}

/** alreadyExists is worded as the API server words it: `clusters "web" already exists`. */
export function alreadyExists(resource: string, name: string, field?: string): DomainError {
  return new DomainError('CONFLICT', `${resource} "${name}" already exists`, field);
}

/** isDomainError narrows unknown errors, including ones rebuilt from the command log. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
