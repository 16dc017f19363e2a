import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { repoPath, type Route } from '../../../services/kit/src';

/**
 * GraphiQL served entirely from node_modules: brands run the gateway on intranets, so the page
 * must never reach a CDN. React 18 and GraphiQL 3 are the last versions that ship UMD builds.
 */
const ASSETS: Record<string, { module: string; type: string }> = {
  '/playground/react.js': { module: 'react/umd/react.production.min.js', type: 'text/javascript' },
  '/playground/react-dom.js': { module: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  '/playground/graphiql.js': { module: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  '/playground/graphiql.css': { module: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const DEFAULT_QUERY = `# The member card: one query, five services.
query MemberCard($id: ID!) {
  member(id: $id) {
    maskedPhone
    tier { name benefits { name level } }
    points { balance }
    benefits { name }
    liveCampaigns { name activityCoefficient }
    risk { level }
  }
}
`;

function page(graphqlPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MemberGraph playground</title>
<link rel="stylesheet" href="/playground/graphiql.css">
<style>html, body, #playground { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="playground">Loading…</div>
<script src="/playground/react.js"></script>
<script src="/playground/react-dom.js"></script>
<script src="/playground/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
  ReactDOM.createRoot(document.getElementById('playground')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }),
  );
</script>
</body>
</html>`;
}

function asset(path: string, type: string): Route {
  let body: Buffer | undefined;
  return (_req: IncomingMessage, res: ServerResponse) => {
    // Read by path, not require.resolve: graphiql's package exports do not list its UMD files.
    body ??= readFileSync(repoPath('node_modules', path));
    res.writeHead(200, {
      'content-type': `${type}; charset=utf-8`,
      'cache-control': 'public, max-age=86400',
      'content-length': body.length,
    });
    res.end(body);
  };
}

export function playgroundRoutes(graphqlPath: string): { routes: Record<string, Route>; landing: Route } {
  const html = page(graphqlPath);
  const landing: Route = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(html);
  };
  const routes: Record<string, Route> = { '/playground': landing };
  for (const [path, { module, type }] of Object.entries(ASSETS)) routes[path] = asset(module, type);
  return { routes, landing };
}
