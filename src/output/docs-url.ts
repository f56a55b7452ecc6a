import { packageInfo } from './sarif.js';

/**
 * Where a rule is documented, for links from findings (SARIF's `helpUri`, the editor's
 * `codeDescription`):
 * - a template given by the caller, `{rule}` standing for the rule id (the editor's
 *   `ogi-lint.docsUrl` setting, a formatter's `docsUrl`);
 * - else, when package.json names a repository on a web host, the rule's file in it
 *   (`rules/<id>.ts`: its description, options and the examples its documentation is made from);
 * - else the rule table of the README on the package's page.
 */
export function ruleDocUrl(ruleId: string, template?: string): string {
  if (template && template.includes('{rule}')) return template.replace(/\{rule\}/g, encodeURIComponent(ruleId));
  const info = packageInfo();
  const repo = repositoryWebUrl(info.repository);
  if (repo) return `${repo}/blob/HEAD/rules/${encodeURIComponent(ruleId)}.ts`;
  return `${info.homepage ?? `https://www.npmjs.com/package/${info.name}`}#rules`;
}

/** The web address of a package.json `repository` (a URL, `{ url }`, or `host:owner/name`), if it has one. */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof raw !== 'string' || !raw) return undefined;
  const short = /^(github|gitlab|bitbucket):([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (short) return `https://${short[1]}.${short[1] === 'bitbucket' ? 'org' : 'com'}/${short[2]}`;
  const m = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(raw) ?? /^git@([^:]+):(.+?)(?:\.git)?$/.exec(raw);
  return m ? `https://${m[1]}/${m[2]}` : undefined;
}
