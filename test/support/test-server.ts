import type { INestApplication } from '@nestjs/common';
import { startServer, type RunningServer } from '../../src/main.js';
import { testConfig, type TkesimConfig } from '../../src/platform/config/tkesim-config.js';

/** GraphqlResponse is a GraphQL HTTP answer. */
export interface GraphqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string } }>;
}

/** TestServer is a booted tkesim on a random port, with a GraphQL helper. */
export interface TestServer {
  readonly server: RunningServer;
  readonly app: INestApplication;
  readonly url: string;
  readonly sandboxToken: string;
  readonly adminToken: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string | null; idempotencyKey?: string }): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/** bootTestServer starts tkesim (SQLite :memory: unless told otherwise) and returns helpers to talk to it. */
export async function bootTestServer(overrides: Partial<TkesimConfig> = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const server = await startServer(config, ['error']);
  const gql: TestServer['gql'] = async (query, variables, options = {}) => {
    const token = options.token === undefined ? server.sandboxToken : options.token;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GraphqlResponse<any>;
  };
  return {
    server,
    app: server.app,
    url: server.url,
    sandboxToken: server.sandboxToken,
    adminToken: config.adminToken!,
    gql,
    close: () => server.close(),
  };
}

/** data returns a response's data, failing the test with the errors if there are any. */
export function data<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

/** errorOf returns a response's only error. */
export function errorOf(response: GraphqlResponse): { message: string; code?: string; field?: string } {
  if (response.errors?.length !== 1) throw new Error(`expected exactly one error, got ${JSON.stringify(response)}`);
  const [error] = response.errors;
  return { message: error.message, code: error.extensions?.code, field: error.extensions?.field };
}
