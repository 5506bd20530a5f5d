import type { TkesimConfig } from '../platform/config/tkesim-config.js';

/** banner is what `tkesim serve` prints once it listens: where to go and which token to use. */
export function banner(version: string, config: TkesimConfig, server: { url: string; sandboxToken: string }): string {
  const storage = config.database.engine === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL (DATABASE_URL)';
  const ws = server.url.replace(/^http/, 'ws');
  return `
tkesim ${version} is running · storage: ${storage}
  GraphQL        ${server.url}/graphql
  Subscriptions  ${ws}/graphql (graphql-ws)
  GraphiQL       ${server.url}/graphiql
  Sandbox token  ${server.sandboxToken}

Try it:
  curl -s ${server.url}/graphql -H 'Authorization: Bearer ${server.sandboxToken}' \\
    -H 'Content-Type: application/json' -d '{"query":"{ me { name } clock { now mode } }"}'
`;
}
