import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphCollectionSchema, graphEntityResponseSchema, graphErrorSchema } from '../../../main/demo/emulator/graph-types.js';

// Real Graph bodies from Microsoft's docs and a public mock set (see ../shared/README.md).
const ROOT = join(process.cwd(), '..', 'shared', 'graph-samples');
const files = [
  ...readdirSync(ROOT).filter((f) => f !== 'MANIFEST.json' && f.endsWith('.json')),
  ...readdirSync(join(ROOT, 'devproxy-mocks')).map((f) => join('devproxy-mocks', f)),
];
const manifest = JSON.parse(readFileSync(join(ROOT, 'MANIFEST.json'), 'utf8')) as Record<string, { valid_json: boolean }>;

/** Some bodies are published with trailing commas; they are read with only those removed. */
function parseLenient(text: string): unknown {
  return JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
}

describe('graph-samples parse with the types the emulator emits', () => {
  it('finds the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(38);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const strict = manifest[file]?.valid_json ?? !file.endsWith('.raw.txt');
      if (!strict) expect(() => JSON.parse(text)).toThrow();
      const body = strict ? JSON.parse(text) : parseLenient(text);
      const name = file.split('/').pop() as string;
      if (name.startsWith('error-')) graphErrorSchema.parse(body);
      else if (name.includes('policy-get')) graphEntityResponseSchema.parse(body);
      else expect(graphCollectionSchema.parse(body).value.length).toBeGreaterThan(0);
    });
  }
});
