/** GRAPHIQL_ASSETS maps the files the GraphiQL page loads to where npm installed them: no CDN. */
export const GRAPHIQL_ASSETS: Readonly<Record<string, string>> = {
  'react.production.min.js': 'react/umd/react.production.min.js',
  'react-dom.production.min.js': 'react-dom/umd/react-dom.production.min.js',
  'graphiql.min.js': 'graphiql/graphiql.min.js',
  'graphiql.min.css': 'graphiql/graphiql.min.css',
};

const DEFAULT_QUERY = `# Welcome to tkesim. Paste your token into the Headers tab, then run:
mutation CreateCluster {
  createCluster(input: { name: "demo" }) { cluster { id status vpcCidr podCidr } }
}

query Clusters {
  clusters { nodes { id name status nodes { name hostIp podCidr } } }
}

subscription Audit {
  eventsAppended { position streamId type data }
}
`;

/** graphiqlPage is a GraphiQL page served from local files, with subscriptions over graphql-ws. */
export function graphiqlPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>tkesim · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql.min.js"></script>
  <script>
    const url = location.origin + '/graphql';
    const fetcher = GraphiQL.createFetcher({ url, subscriptionUrl: url.replace(/^http/, 'ws') });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
        defaultHeaders: '{\\n  "Authorization": "Bearer <your token>"\\n}',
        shouldPersistHeaders: true,
      }),
    );
  </script>
</body>
</html>
`;
}
