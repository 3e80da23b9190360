/**
 * `entra-audit sample <snapshot> --population <name> --size N [--seed S]`: a reproducible random
 * sample for control testing, printed with its seed, population size and algorithm so an auditor can
 * redraw it; --json and --csv keep it with per-item evidence.
 */
import { writeFileSync } from 'node:fs';
import { csvRecord } from '../../export/csv/csv-cell.js';
import { BOM } from '../../export/csv/csv-writer.js';
import { isPopulationName, POPULATIONS } from '../../sampling/populations.js';
import { newSeed, sampleSnapshot, type SnapshotSample } from '../../sampling/sample-snapshot.js';
import { SampleLayer } from '../../sampling/sample-store.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';
import { openForCli, readTerminations } from './cli-inputs.js';

const HELP = `usage: entra-audit sample <snapshot> --population <name> --size N [--seed S] [--terminations <hr.csv>] [--json <file>] [--csv <file>] [--record]

Draws N items at random, reproducibly: the same snapshot, population, size and seed always give the
same sample. Without --seed a random one is chosen and printed. --record keeps the sample in the
snapshot (beside the collected data, which does not change) so the evidence pack includes it.
Populations:
${Object.entries(POPULATIONS).map(([k, v]) => `  ${k.padEnd(24)} ${v}`).join('\n')}`;

/** The sample as a CSV: draw order, position, id, name, then one column per evidence field. */
export function sampleCsv(s: SnapshotSample): string {
  const keys = [...new Set(s.items.flatMap((i) => Object.keys(i.evidence)))];
  let out = BOM + csvRecord(['draw', 'sorted_index', 'id', 'name', ...keys]);
  for (const i of s.items) out += csvRecord([i.draw, i.sortedIndex, i.id, i.name, ...keys.map((k) => i.evidence[k] ?? null)]);
  return out;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return EXIT.ok;
  }
  const p = parseArgs(args, { population: { value: true }, size: { value: true }, seed: { value: true }, terminations: { value: true },
    json: { value: true }, csv: { value: true }, record: { value: false } }, 1);
  const [path] = p.positionals;
  const name = stringFlag(p, 'population');
  const size = intFlag(p, 'size', 1, 1_000_000);
  if (!path || !name || size === undefined) throw new CliError(`a snapshot, --population and --size are needed\n\n${HELP}`, EXIT.usage);
  if (!isPopulationName(name)) throw new CliError(`unknown population "${name}"; one of: ${Object.keys(POPULATIONS).join(', ')}`, EXIT.usage);
  const terminations = stringFlag(p, 'terminations');
  if (name === 'leavers' && !terminations) throw new CliError('the leavers population needs --terminations <hr.csv>', EXIT.usage);
  const leavers = terminations ? readTerminations(terminations) : undefined;
  const seed = stringFlag(p, 'seed') ?? newSeed();
  if (!seed) throw new CliError('--seed must not be empty', EXIT.usage);
  const reader = openForCli(path);
  let s: SnapshotSample;
  try {
    s = sampleSnapshot(reader, name, size, seed, leavers);
  } finally {
    reader.close();
  }
  const rows: [string, string][] = [
    ['Tenant', `${s.tenantName} (${s.tenantId})`],
    ['Snapshot', `${path} (content hash ${s.contentHash ?? 'none'})`],
    ['Population', `${s.population}: ${s.populationDescription}`],
    ['Population size', String(s.populationSize)],
    ['Sample size', String(s.sampleSize)],
    ['Seed', s.seed],
    ['Algorithm', s.algorithm.split('\n').join(`\n${' '.repeat(17)}`)],
  ];
  for (const [label, value] of rows) console.log(`${label.padEnd(16)} ${value}`);
  console.log('');
  for (const i of s.items) {
    const ev = Object.entries(i.evidence).map(([k, v]) => `${k}=${v ?? ''}`).join('; ');
    console.log(`${String(i.draw).padStart(4)}  ${i.id}  ${i.name}\n      ${ev.length > 240 ? `${ev.slice(0, 237)}...` : ev}`);
  }
  const json = stringFlag(p, 'json');
  if (json) writeFileSync(json, `${JSON.stringify(s, null, 2)}\n`);
  const csv = stringFlag(p, 'csv');
  if (csv) writeFileSync(csv, sampleCsv(s));
  if (json || csv) console.log(`\nwritten: ${[json, csv].filter(Boolean).join(', ')}`);
  if (p.flags.record) {
    const layer = SampleLayer.open(path);
    try {
      console.log(`recorded in the snapshot as sample ${layer.record(s)}`);
    } finally {
      layer.close();
    }
  }
  return EXIT.ok;
}
