import { Injectable } from '@nestjs/common';
import { SeededRandom } from '../../emulator/clock/index.js';
import { ProjectionService } from '../projections/projection.service.js';
import type { AccountsState } from '../tenancy/accounts.projection.js';

/** RandomService hands out each account's seeded generator; only committed commands move it on. */
@Injectable()
export class RandomService {
  private readonly generators = new Map<string, SeededRandom>();

  constructor(private readonly projections: ProjectionService) {}

  /** fork returns a generator at the account's current draw, for one command to use. */
  fork(accountId: string): SeededRandom {
    return this.generator(accountId).fork();
  }

  /** commit moves the account's generator to where a committed command left its fork. */
  commit(accountId: string, draws: number): void {
    this.generator(accountId).advanceTo(draws);
  }

  private generator(accountId: string): SeededRandom {
    let generator = this.generators.get(accountId);
    if (!generator) {
      const account = this.projections.state<AccountsState>('accounts').accounts[accountId];
      if (!account) throw new Error(`account ${accountId} has no random generator`);
      generator = new SeededRandom(account.randomSeed, account.randomDraws);
      this.generators.set(accountId, generator);
    }
    return generator;
  }
}
