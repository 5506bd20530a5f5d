import { exhaustive, type Decider } from '../kernel/decider.js';
import { alreadyExists, invalid, notFound } from '../kernel/domain-error.js';
import { checkDns1123Label } from '../kernel/dns-names.js';

/** accountStream is the stream of one account; the account's name is its id. */
export const accountStream = (accountId: string): string => `account-${accountId}`;

interface TokenGrant {
  tokenId: string;
  tokenHash: string;
  label: string;
  /** clusterId, when set, scopes the token to one cluster's Kubernetes API (a kubeconfig's token). */
  clusterId?: string;
}

export type AccountCommand =
  | { type: 'CreateAccount'; data: { name: string; randomSeed: number; createdAt: string; token: TokenGrant } }
  | { type: 'IssueToken'; data: TokenGrant & { accountId: string; issuedAt: string } };

export type AccountEvent =
  | { type: 'AccountCreated'; data: { name: string; randomSeed: number; createdAt: string } }
  | { type: 'TokenIssued'; data: TokenGrant & { issuedAt: string } };

/** AccountState: whether the account exists, and its tokens' ids. */
export interface AccountState {
  readonly exists: boolean;
  readonly tokenIds: readonly string[];
}

function checkLabel(label: string): void {
  if (label.length > 63) throw invalid('label', label, 'must be no more than 63 characters');
}

/** accountDecider: an account is created once under a unique name and holds any number of tokens. */
export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: { exists: false, tokenIds: [] },
  decide(command, state) {
    switch (command.type) {
      case 'CreateAccount': {
        const { name, randomSeed, createdAt, token } = command.data;
        checkDns1123Label('name', name);
        checkLabel(token.label);
        if (state.exists) throw alreadyExists('accounts', name, 'name');
        return [
          { type: 'AccountCreated', data: { name, randomSeed, createdAt } },
          { type: 'TokenIssued', data: { ...token, issuedAt: createdAt } },
        ];
      }
      case 'IssueToken': {
        const { accountId, issuedAt, ...token } = command.data;
        if (!state.exists) throw notFound('accounts', accountId, 'account');
        checkLabel(token.label);
        if (state.tokenIds.includes(token.tokenId)) throw alreadyExists('tokens', token.tokenId, 'token');
        return [{ type: 'TokenIssued', data: { ...token, issuedAt } }];
      }
      default:
        return exhaustive(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AccountCreated':
        return { ...state, exists: true };
      case 'TokenIssued':
        return { ...state, tokenIds: [...state.tokenIds, event.data.tokenId] };
      default:
        return exhaustive(event);
    }
  },
};
