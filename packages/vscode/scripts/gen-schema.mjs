#!/usr/bin/env node
/**
 * Writes schemas/replylintrc.schema.json (the JSON schema VS Code uses to
 * validate and complete `.replylintrc.json`) from @replylint/core's rule
 * metadata and presets, so the rule list never drifts from the engine.
 *
 *   node scripts/gen-schema.mjs          write the schema
 *   node scripts/gen-schema.mjs --check  exit 1 if the committed schema is stale
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const repo = path.resolve(pkgDir, '..', '..');
const out = path.join(pkgDir, 'schemas', 'replylintrc.schema.json');
const outPackageJson = path.join(pkgDir, 'schemas', 'package-json.schema.json');

async function loadCore() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-schema-'));
  const outfile = path.join(tmp, 'core.mjs');
  try {
    await build({
      stdin: {
        contents: "export { ruleMeta, presets } from '@replylint/core';",
        resolveDir: pkgDir,
        loader: 'js',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error',
      external: ['kuromoji'],
      plugins: [
        {
          name: 'core-source',
          setup(b) {
            b.onResolve({ filter: /^@replylint\/core$/ }, () => ({ path: path.join(repo, 'packages/core/src/index.ts') }));
          },
        },
      ],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const severity = { type: 'string', enum: ['off', 'warn', 'error'] };

function bilingual(text) {
  return `${text.en}\n\n${text.ja}`;
}

function ruleSchema(meta) {
  const options = { type: 'object', description: 'Rule options / ルールのオプション' };
  if (meta.defaults && Object.keys(meta.defaults).length > 0) {
    options.properties = Object.fromEntries(
      Object.entries(meta.defaults).map(([key, value]) => [
        key,
        { default: value, ...(value === null ? {} : { type: Array.isArray(value) ? 'array' : typeof value }) },
      ]),
    );
  }
  return {
    markdownDescription: `${bilingual(meta.description)}\n\n[${meta.id}](${meta.url})`,
    description: `${meta.description.en} / ${meta.description.ja}`,
    anyOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'array',
        items: [{ $ref: '#/definitions/severity' }, options],
        minItems: 1,
        maxItems: 2,
        defaultSnippets: [{ label: '[severity, options]', body: ['${1|warn,error,off|}', {}] }],
      },
    ],
  };
}

export function makeSchema(core) {
  const ids = Object.keys(core.ruleMeta);
  const presetNames = Object.keys(core.presets);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/replylint/replylint/blob/main/packages/vscode/schemas/replylintrc.schema.json',
    title: 'replylint configuration (.replylintrc.json)',
    description:
      'replylint configuration: the rules, preset, languages and team phrase lists for customer-support replies. / replylint の設定ファイル。',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: {
        ...severity,
        enumDescriptions: ['Disabled / 無効', 'Warning / 警告', 'Error / エラー'],
      },
      ruleSetting: {
        anyOf: [{ $ref: '#/definitions/severity' }, { type: 'array', items: [{ $ref: '#/definitions/severity' }, { type: 'object' }], minItems: 1, maxItems: 2 }],
      },
    },
    properties: {
      $schema: { type: 'string', description: 'The schema of this file (ignored by replylint).' },
      preset: {
        type: 'string',
        enum: presetNames,
        default: 'recommended',
        markdownDescription:
          'Preset the rules start from; `rules` are applied over it.\n\nルールの基準となるプリセット。`rules` がその上に適用されます。',
      },
      rules: {
        type: 'object',
        markdownDescription:
          'Per-rule severity (`off`, `warn`, `error`) or `[severity, options]`.\n\nルールごとの重大度（`off`・`warn`・`error`）または `[重大度, オプション]`。',
        properties: Object.fromEntries(ids.map((id) => [id, ruleSchema(core.ruleMeta[id])])),
        additionalProperties: false,
        propertyNames: { enum: ids },
      },
      lang: {
        type: 'string',
        enum: ['auto', 'ja', 'en'],
        default: 'auto',
        markdownDescription: 'Language of the replies; `auto` detects it per paragraph.\n\n返信の言語。`auto` は段落ごとに判定します。',
      },
      channel: {
        type: 'string',
        enum: ['email', 'chat'],
        default: 'email',
        markdownDescription: 'Where the reply is sent.\n\n返信の送信先（メールまたはチャット）。',
      },
      messageLanguage: {
        type: 'string',
        enum: ['auto', 'ja', 'en'],
        default: 'auto',
        markdownDescription:
          "Language of the findings' messages; `auto` follows the reply.\n\n指摘メッセージの言語。`auto` は返信の言語に合わせます。",
      },
      phrases: {
        type: 'object',
        additionalProperties: false,
        markdownDescription: "The team's own phrase lists.\n\nチーム独自の表現リスト。",
        properties: {
          supplierCentred: {
            type: 'array',
            markdownDescription:
              'Supplier-centred phrases to flag, each with an optional customer-centred rewrite (the quick fix).\n\n指摘する提供者本位の表現と、任意の言い換え（クイックフィックス）。',
            items: {
              anyOf: [
                { type: 'string', minLength: 1 },
                {
                  type: 'object',
                  required: ['phrase'],
                  additionalProperties: false,
                  properties: {
                    phrase: { type: 'string', minLength: 1, description: 'The phrase / 表現' },
                    rewrite: { type: 'string', description: 'Suggested rewrite / 言い換え' },
                  },
                },
              ],
            },
          },
          empathy: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            markdownDescription:
              'Extra phrases that count as acknowledging the customer.\n\nお客様への共感として扱う追加の表現。',
          },
        },
      },
    },
  };
}

/** The `replylint` key of package.json (VS Code merges it with the other package.json schemas). */
export function makePackageJsonSchema(schema) {
  const { $schema, $id, definitions, ...config } = schema;
  return {
    $schema,
    definitions,
    type: 'object',
    properties: {
      replylint: { ...config, title: undefined, description: 'replylint configuration / replylint の設定' },
    },
  };
}

const core = await loadCore();
const schema = makeSchema(core);
const files = [
  [out, JSON.stringify(schema, null, 2) + '\n'],
  [outPackageJson, JSON.stringify(makePackageJsonSchema(schema), null, 2) + '\n'],
];
const count = Object.keys(core.ruleMeta).length;
if (process.argv.includes('--check')) {
  let stale = false;
  for (const [file, text] of files) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(repo, file)} is stale: run npm run schema -w packages/vscode`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
  console.log(`schemas are up to date (${count} rules)`);
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  for (const [file, text] of files) fs.writeFileSync(file, text);
  console.log(`wrote ${files.map(([f]) => path.relative(repo, f)).join(', ')} (${count} rules)`);
}
