import { describe, expect, it } from 'vitest';
import { intFlag, parseArgs, stringFlag } from '../../main/cli/args.js';
import { CliError } from '../../main/cli/cli-error.js';

const spec = { out: { value: true }, framework: { value: true, repeat: true }, resume: { value: false } };

describe('parseArgs', () => {
  it('reads values, repeats, switches and positionals', () => {
    const p = parseArgs(['snap.sqlite', '--out', 'd', '--framework=soc2', '--framework', 'hipaa', '--resume'], spec, 1);
    expect(p.positionals).toEqual(['snap.sqlite']);
    expect(stringFlag(p, 'out')).toBe('d');
    expect(p.flags.framework).toEqual(['soc2', 'hipaa']);
    expect(p.flags.resume).toBe(true);
  });

  it('refuses an unknown option instead of ignoring a typo', () => {
    expect(() => parseArgs(['--outt', 'x'], spec)).toThrow(/unknown option --outt/);
  });

  it('refuses a missing value and extra positionals', () => {
    expect(() => parseArgs(['--out'], spec)).toThrow(CliError);
    expect(() => parseArgs(['a', 'b'], spec, 1)).toThrow(/unexpected argument "b"/);
  });

  it('checks whole-number ranges', () => {
    const p = parseArgs(['--out', '12'], spec);
    expect(intFlag(p, 'out', 1, 20)).toBe(12);
    expect(() => intFlag(parseArgs(['--out', '1.5'], spec), 'out', 1, 20)).toThrow(/whole number from 1 to 20/);
  });
});
