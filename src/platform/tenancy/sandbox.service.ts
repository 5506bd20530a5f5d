import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TKESIM_CONFIG, type TkesimConfig } from '../config/tkesim-config.js';
import { AccountsService } from './accounts.service.js';
import { newToken } from './tokens.js';

/** SANDBOX_ACCOUNT is the account an embedded start creates for its user. */
export const SANDBOX_ACCOUNT = 'sandbox';

/** SandboxService makes sure the sandbox account exists and opens with a known token. */
@Injectable()
export class SandboxService implements OnApplicationBootstrap {
  private current: string | undefined;

  constructor(
    private readonly accounts: AccountsService,
    @Inject(TKESIM_CONFIG) private readonly config: TkesimConfig,
  ) {}

  /** token is the sandbox token: TKESIM_SANDBOX_TOKEN, else the one kept in the data dir. */
  get token(): string {
    if (!this.current) throw new Error('the sandbox is not ready yet');
    return this.current;
  }

  async onApplicationBootstrap(): Promise<void> {
    const token = this.config.sandboxToken ?? this.keptToken();
    await this.accounts.ensureAccount(SANDBOX_ACCOUNT, token, this.config.sandboxSeed ?? SANDBOX_ACCOUNT);
    this.current = token;
  }

  /** keptToken reads the token saved at the first start (mode 0600), or makes and saves one. */
  private keptToken(): string {
    const file = join(this.config.dataDir, 'sandbox.token');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    const token = newToken();
    mkdirSync(this.config.dataDir, { recursive: true });
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    return token;
  }
}
