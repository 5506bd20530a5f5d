import type { Projection } from '../kernel/projection.js';
import type { AccountEvent } from './account.decider.js';

/** AccountView is an account as the API shows it. */
export interface AccountView {
  name: string;
  createdAt: string;
  randomSeed: number;
  /** randomDraws is where the account's generator stands, from the last command that drew from it. */
  randomDraws: number;
  tokens: Array<{ id: string; label: string; createdAt: string }>;
}

/** AccountsState holds the accounts and the token-hash index used to authenticate requests. */
export interface AccountsState {
  accounts: Record<string, AccountView>;
  tokens: Record<string, { accountId: string; tokenId: string; clusterId?: string }>;
}

/** accountsProjection is the tenancy read model. */
export const accountsProjection: Projection<AccountsState> = {
  name: 'accounts',
  version: 1,
  initialState: () => ({ accounts: {}, tokens: {} }),
  apply(state, stored) {
    const accountId = stored.metadata.accountId;
    const event = stored as unknown as AccountEvent;
    if (event.type === 'AccountCreated') {
      const { name, createdAt, randomSeed } = event.data;
      state.accounts[name] = { name, createdAt, randomSeed, randomDraws: 0, tokens: [] };
    } else if (event.type === 'TokenIssued') {
      const { tokenId, tokenHash, label, issuedAt, clusterId } = event.data;
      state.accounts[accountId]?.tokens.push({ id: tokenId, label, createdAt: issuedAt });
      state.tokens[tokenHash] = clusterId ? { accountId, tokenId, clusterId } : { accountId, tokenId };
    }
    const draws = stored.metadata.randomDraws;
    const account = state.accounts[accountId];
    if (account && draws !== undefined && draws > account.randomDraws) account.randomDraws = draws;
  },
};
