import { deciderSpec } from '../kernel/testing/decider-spec.js';
import { uniqueNameDecider } from './unique-name.decider.js';

const spec = deciderSpec(uniqueNameDecider);
const claim = (owner: string) => ({ type: 'ClaimName' as const, data: { name: 'web', owner, resource: 'clusters', field: 'name' } });
const claimed = { type: 'NameClaimed' as const, data: { name: 'web', owner: 'cls-1' } };

describe('unique name decider', () => {
  it('lets the first owner claim a name', () => {
    spec.given([]).when(claim('cls-1')).then([claimed]);
  });

  it('refuses the name to a second owner, worded as the API server does', () => {
    spec.given([claimed]).when(claim('cls-2')).thenRejects('CONFLICT', 'name', 'clusters "web" already exists');
  });

  it('frees the name when its owner releases it', () => {
    spec
      .given([claimed, { type: 'NameReleased', data: { name: 'web', owner: 'cls-1' } }])
      .when(claim('cls-2'))
      .then([{ type: 'NameClaimed', data: { name: 'web', owner: 'cls-2' } }]);
  });

  it('ignores a release by someone who does not hold the name', () => {
    spec.given([claimed]).when({ type: 'ReleaseName', data: { name: 'web', owner: 'cls-9' } }).then([]);
  });
});
