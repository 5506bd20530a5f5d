import { DomainError, type ErrorCode } from '../domain-error.js';
import { fold, type Decider } from '../decider.js';
import type { DomainEvent } from '../events.js';

/** DeciderSpec reads given(events).when(command).then(events) or .thenRejects(code, field). */
export function deciderSpec<S, C, E extends DomainEvent>(decider: Decider<S, C, E>) {
  return {
    given(events: E[]) {
      const state = fold(decider, events);
      return {
        when(command: C) {
          const run = (): E[] => decider.decide(command, state);
          return {
            then(expected: E[]): void {
              expect(run()).toEqual(expected);
            },
            thenState(check: (next: S) => void): void {
              check(fold(decider, run(), state));
            },
            thenRejects(code: ErrorCode, field?: string, message?: string | RegExp): void {
              let error: unknown;
              try {
                run();
              } catch (caught) {
                error = caught;
              }
              expect(error).toBeInstanceOf(DomainError);
              const domainError = error as DomainError;
              expect({ code: domainError.code, field: domainError.field }).toEqual({ code, field });
              if (message !== undefined) expect(domainError.message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
