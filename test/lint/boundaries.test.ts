import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of ARCHITECTURE.md are lint rules: prove they bite, and that the tree obeys them.
const eslint = new ESLint();

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  it('the renderer may not import Node built-ins, main/ or SQLite', async () => {
    expect(await messages("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'renderer/x.ts')).toEqual([
      expect.stringMatching(/no-restricted-imports: .*never imports Node/),
    ]);
    expect(await messages("import { openSnapshot } from '../main/store/index.js';\nexport const x = openSnapshot;\n", 'renderer/x.ts')).toEqual([
      expect.stringMatching(/never imports main/),
    ]);
    expect(await messages("import Database from 'better-sqlite3';\nexport const x = Database;\n", 'renderer/x.ts')).toEqual([
      expect.stringMatching(/never touches SQLite/),
    ]);
  });

  it('shared/ may not import Node, main/ or the renderer', async () => {
    expect(await messages("import { join } from 'path';\nexport const x = join;\n", 'shared/x.ts')).toEqual([
      expect.stringMatching(/no Node built-ins/),
    ]);
    expect(await messages("import { main } from '../main/cli/index.js';\nexport const x = main;\n", 'shared/x.ts')).toEqual([
      expect.stringMatching(/never imports main/),
    ]);
  });

  it('main/ may import Node', async () => {
    expect(await messages("import { join } from 'node:path';\nexport const x = join;\n", 'main/x.ts')).toEqual([]);
  });

  it('the renderer and shared/ trees obey the rules', async () => {
    const results = await eslint.lintFiles(['renderer', 'shared']);
    const restricted = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`));
    expect(results.length).toBeGreaterThan(10);
    expect(restricted).toEqual([]);
  });
});
