/** What the SARIF formatter needs of node:url, for a browser: a file: URL for a path. */
export function pathToFileURL(p: string): URL {
  const abs = p.startsWith('/') ? p : `/${p}`;
  return new URL(`file://${abs.split('/').map(encodeURIComponent).join('/')}`);
}

export function fileURLToPath(u: string | URL): string {
  return decodeURIComponent(new URL(u).pathname);
}
