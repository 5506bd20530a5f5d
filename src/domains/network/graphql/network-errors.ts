import { isNetworkInputError } from '../../../emulator/network/index.js';
import { DomainError } from '../../../platform/kernel/index.js';

/** asUserInput runs the network model and turns its NetworkInputError into BAD_USER_INPUT naming the first field, every problem in details. */
export function asUserInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!isNetworkInputError(error)) throw error;
    throw new DomainError('BAD_USER_INPUT', error.message, error.field, error.errors.length > 1 ? error.message.split(', ') : undefined);
  }
}
