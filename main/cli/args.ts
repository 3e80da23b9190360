/**
 * A small, strict argument parser: unknown flags are errors (a typo must not silently change an audit).
 */
import { CliError, EXIT } from './cli-error.js';

export interface FlagSpec {
  /** true: takes a value; false: boolean switch. */
  value: boolean;
  /** May be given several times (values collected in order). */
  repeat?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | string[] | boolean | undefined>;
}

export function parseArgs(args: string[], spec: Record<string, FlagSpec>, maxPositionals = Infinity): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new CliError(`unknown option --${name}`, EXIT.usage);
    let value: string | boolean = true;
    if (s.value) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i];
      else throw new CliError(`--${name} needs a value`, EXIT.usage);
    }
    if (s.repeat) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(String(value));
      flags[name] = list;
    } else flags[name] = value;
  }
  if (positionals.length > maxPositionals) throw new CliError(`unexpected argument "${positionals[maxPositionals]}"`, EXIT.usage);
  return { positionals, flags };
}

export function stringFlag(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function intFlag(p: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = stringFlag(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}`, EXIT.usage);
  return n;
}
