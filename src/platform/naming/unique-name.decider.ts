import { exhaustive, type Decider } from '../kernel/decider.js';
import { alreadyExists } from '../kernel/domain-error.js';

/** UniqueNameCommand claims or releases a name; `resource` and `field` word the conflict. */
export type UniqueNameCommand =
  | { type: 'ClaimName'; data: { name: string; owner: string; resource: string; field: string } }
  | { type: 'ReleaseName'; data: { name: string; owner: string } };

export type UniqueNameEvent =
  | { type: 'NameClaimed'; data: { name: string; owner: string } }
  | { type: 'NameReleased'; data: { name: string; owner: string } };

/** UniqueNameState is who holds the name, if anyone. */
export interface UniqueNameState {
  readonly owner: string | null;
}

/** uniqueNameDecider guards a name with its own stream, written in the same commit as the owner's. */
export const uniqueNameDecider: Decider<UniqueNameState, UniqueNameCommand, UniqueNameEvent> = {
  initialState: { owner: null },
  decide(command, state) {
    switch (command.type) {
      case 'ClaimName': {
        const { name, owner, resource, field } = command.data;
        if (state.owner === owner) return [];
        if (state.owner !== null) throw alreadyExists(resource, name, field);
        return [{ type: 'NameClaimed', data: { name, owner } }];
      }
      case 'ReleaseName':
        return state.owner === command.data.owner ? [{ type: 'NameReleased', data: command.data }] : [];
      default:
        return exhaustive(command);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'NameClaimed':
        return { owner: event.data.owner };
      case 'NameReleased':
        return { owner: null };
      default:
        return exhaustive(event);
    }
  },
};
