import { isNetworkInputError } from './network-input-error.js';

/** rejectionMessage runs `fn` and returns the NetworkInputError's message it throws (for tests); anything else fails. */
export function rejectionMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isNetworkInputError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a NetworkInputError, but nothing was thrown');
}
