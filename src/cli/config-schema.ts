import type { Rule } from '../rules/types.js';

const SEVERITY = { enum: ['off', 'warn', 'error', 0, 1, 2], description: 'off (0), warn (1) or error (2)' };

/** The schema of one rule's setting: a severity, or [severity, options] with the rule's own options schema. */
function ruleSettingSchema(rule: Rule<unknown>): Record<string, unknown> {
  return {
    description: `${rule.description.zh} — ${rule.description.en}`,
    anyOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: [{ $ref: '#/definitions/severity' }, rule.optionsSchema],
        additionalItems: false,
      },
    ],
  };
}

/**
 * The JSON schema of `.ogilintrc.json` (and of package.json's "ogi-lint" key). Its `rules` part is
 * made from every rule's options schema; `schemas/config.schema.json` is this, written out by
 * `ogi-lint rules --format config-schema`.
 */
export function configSchema(rules: Rule<unknown>[]): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const r of [...rules].sort((a, b) => a.id.localeCompare(b.id))) ruleProps[r.id] = ruleSettingSchema(r);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://ogi-lint.dev/schemas/config.schema.json',
    title: 'ogi-lint configuration',
    description:
      'Settings in .ogilintrc.json, or under the "ogi-lint" key of package.json. Generated from the rules by `ogi-lint rules --format config-schema`; do not edit by hand.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'stop looking for configuration files in the folders above this one' },
      extends: {
        type: 'string',
        minLength: 1,
        description: 'the profile these settings build on: legacy, format-2019, format-2021, the id of a profile in "profiles", or the path of a JSON profile',
      },
      profile: {
        type: 'string',
        minLength: 1,
        description: 'check every report against this profile instead of choosing one by the report year',
      },
      locale: { enum: ['zh', 'en'], description: 'language of the messages' },
      profiles: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'paths of extra profile files (JSON, see profile.schema.json), relative to this file',
      },
      ignorePatterns: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'files and folders not to check, in gitignore syntax relative to this file (as .ogilintignore)',
      },
      settings: { type: 'object', description: 'settings shared by rules' },
      rules: { $ref: '#/definitions/rules' },
      overrides: {
        type: 'array',
        description: 'settings for some files only, as in ESLint: each entry applies to the files its globs match (relative to this file), later entries winning',
        items: {
          type: 'object',
          required: ['files'],
          properties: {
            files: { $ref: '#/definitions/globs', description: 'the files this entry applies to (a pattern without "/" matches the file name at any depth)' },
            excludedFiles: { $ref: '#/definitions/globs', description: 'files left out even though "files" matches them' },
            profile: { type: 'string', minLength: 1, description: 'check these files against this profile' },
            locale: { enum: ['zh', 'en'], description: 'language of the messages for these files' },
            settings: { type: 'object', description: 'settings shared by rules, for these files' },
            rules: { $ref: '#/definitions/rules' },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
    definitions: {
      severity: SEVERITY,
      globs: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }] },
      rules: {
        type: 'object',
        description: 'rule settings: "off", "warn", "error", or ["warn", { options }]',
        properties: ruleProps,
        additionalProperties: false,
      },
    },
  };
}

/** The schema as the committed file holds it. */
export function configSchemaText(rules: Rule<unknown>[]): string {
  return `${JSON.stringify(configSchema(rules), null, 2)}\n`;
}
