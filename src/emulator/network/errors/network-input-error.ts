import { formatFieldErrors, type FieldError } from '../../kube/validation/field-error.js';

/** NetworkInputError rejects user input (an exhausted range, a taken port, a bad host) with Kubernetes field errors; nothing was applied. */
export class NetworkInputError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(formatFieldErrors(errors).join(', '));
    this.name = 'NetworkInputError';
  }

  /** field is the path of the first error, for a GraphQL BAD_USER_INPUT's `field`. */
  get field(): string {
    return this.errors[0]?.field ?? '';
  }
}

/** rejectWith throws a NetworkInputError for one field error. */
export function rejectWith(error: FieldError): never {
  throw new NetworkInputError([error]);
}

/** isNetworkInputError narrows unknown errors. */
export function isNetworkInputError(error: unknown): error is NetworkInputError {
  return error instanceof NetworkInputError;
}
