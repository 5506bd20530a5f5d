import { deciderSpec } from '../kernel/testing/decider-spec.js';
import { accountDecider, type AccountEvent } from './account.decider.js';

const spec = deciderSpec(accountDecider);
const token = { tokenId: 'tok-1', tokenHash: 'h1', label: 'ci' };
const created: AccountEvent[] = [
  { type: 'AccountCreated', data: { name: 'acme', randomSeed: 7, createdAt: '2017-06-01T00:00:00.000Z' } },
  { type: 'TokenIssued', data: { ...token, issuedAt: '2017-06-01T00:00:00.000Z' } },
];

describe('account decider', () => {
  it('creates an account with its first token', () => {
    spec
      .given([])
      .when({ type: 'CreateAccount', data: { name: 'acme', randomSeed: 7, createdAt: '2017-06-01T00:00:00.000Z', token } })
      .then(created);
  });

  it('rejects a second account with the same name', () => {
    spec
      .given(created)
      .when({ type: 'CreateAccount', data: { name: 'acme', randomSeed: 1, createdAt: 'x', token } })
      .thenRejects('CONFLICT', 'name', 'accounts "acme" already exists');
  });

  it.each(['Acme', '-acme', 'a'.repeat(64), 'acme_1', ''])('rejects the name %j', (name) => {
    spec.given([]).when({ type: 'CreateAccount', data: { name, randomSeed: 1, createdAt: 'x', token } }).thenRejects('BAD_USER_INPUT', 'name');
  });

  it('issues further tokens', () => {
    const second = { tokenId: 'tok-2', tokenHash: 'h2', label: 'laptop' };
    spec
      .given(created)
      .when({ type: 'IssueToken', data: { ...second, accountId: 'acme', issuedAt: 'y' } })
      .then([{ type: 'TokenIssued', data: { ...second, issuedAt: 'y' } }]);
  });

  it('does not issue a token for an account that does not exist', () => {
    spec.given([]).when({ type: 'IssueToken', data: { ...token, accountId: 'ghost', issuedAt: 'y' } }).thenRejects('NOT_FOUND', 'account');
  });

  it('rejects a label longer than 63 characters', () => {
    spec
      .given(created)
      .when({ type: 'IssueToken', data: { ...token, tokenId: 'tok-3', label: 'x'.repeat(64), accountId: 'acme', issuedAt: 'y' } })
      .thenRejects('BAD_USER_INPUT', 'label');
  });
});
