/**
 * `npm run lint` and `npm run typecheck` are part of keeping main green, but CI runs `npm test` only:
 * these run both over the whole tree so an error in either fails the suite.
 */
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the tree', () => {
  it('has no lint errors', async () => {
    const results = await new ESLint().lintFiles(['.']);
    const errors = results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  }, 120_000);

  it('typechecks in all three projects', () => {
    for (const project of ['tsconfig.json', 'tsconfig.web.json', 'tsconfig.renderer-tests.json']) {
      let output = '';
      try {
        execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], { encoding: 'utf8' });
      } catch (err) {
        output = String((err as { stdout?: string }).stdout ?? err);
      }
      expect(output, project).toBe('');
    }
  }, 180_000);
});
