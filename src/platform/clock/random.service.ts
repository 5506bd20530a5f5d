import { Injectable } from '@nestjs/common';
import { RandomLease, SeededRandom } from '../../emulator/clock/index.js';
import { ProjectionService } from '../projections/projection.service.js';
import type { AccountsState } from '../tenancy/accounts.projection.js';

/** RandomService holds each account's seeded generator, continued from the draws the log records. */
@Injectable()
export class RandomService {
  private readonly generators = new Map<string, SeededRandom>();

  constructor(private readonly projections: ProjectionService) {}

  /** lease lets one command draw; concurrent commands never draw the same numbers. */
  lease(accountId: string): RandomLease {
    return new RandomLease(this.generator(accountId));
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
