/**
 * `entra-audit review`: access review campaigns kept in a snapshot's review layer.
 *   create   build a campaign for chosen groups, roles and applications and write its workbook (CSV)
 *   import   read a returned workbook and record its decisions (nothing is recorded if any row is bad)
 *   list     campaigns in a snapshot and their progress
 *   workbook write a campaign's workbook again, with the decisions recorded so far (the completed review)
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { buildCampaign, ReviewScopeError, type Campaign } from '../../reviews/campaign.js';
import { parseCsv } from '../../reviews/csv-parse.js';
import { ReviewLayer } from '../../reviews/review-store.js';
import { readWorkbook, writeWorkbook } from '../../reviews/workbook.js';
import { SnapshotOpenError } from '../../store/index.js';
import { parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';
import { openForCli } from './cli-inputs.js';

const HELP = `usage:
  entra-audit review create <snapshot> [--group <id|name>]... [--role <id|name>]... [--app <id|appId|name>]... --out <workbook.csv> [--name <text>] [--by <who>]
  entra-audit review import <snapshot> <workbook.csv>
  entra-audit review list <snapshot>
  entra-audit review workbook <snapshot> <campaign-id> --out <file.csv>

A campaign lists everyone with access to the chosen groups, roles and applications, how they got it,
and their last sign-in, MFA methods, department and manager. Reviewers fill the columns decision
(keep/remove), reviewer, decision_date (YYYY-MM-DD) and comment (required for remove), and the
workbook comes back with "review import". Decisions are stored in the snapshot's review layer; the
collected data and its content hash never change.`;

function openLayer(path: string, readonly = false): ReviewLayer {
  try {
    return ReviewLayer.open(path, readonly);
  } catch (err) {
    if (err instanceof SnapshotOpenError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
}

function list(flag: string | string[] | boolean | undefined): string[] {
  return Array.isArray(flag) ? flag : [];
}

async function create(args: string[]): Promise<number> {
  const p = parseArgs(args, { group: { value: true, repeat: true }, role: { value: true, repeat: true }, app: { value: true, repeat: true },
    out: { value: true }, name: { value: true }, by: { value: true } }, 1);
  const [path] = p.positionals;
  const out = stringFlag(p, 'out');
  if (!path || !out) throw new CliError(`review create needs a snapshot and --out\n\n${HELP}`, EXIT.usage);
  const scope = { groups: list(p.flags.group), roles: list(p.flags.role), apps: list(p.flags.app) };
  if (!scope.groups.length && !scope.roles.length && !scope.apps.length) throw new CliError('name at least one --group, --role or --app to review', EXIT.usage);
  const createdAt = new Date().toISOString();
  const id = `rc-${createdAt.slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
  const reader = openForCli(path);
  let campaign: Campaign;
  try {
    campaign = buildCampaign(reader, scope, { id, name: stringFlag(p, 'name') ?? `Access review ${createdAt.slice(0, 10)}`, createdAt,
      createdBy: stringFlag(p, 'by') ?? userInfo().username });
  } catch (err) {
    if (err instanceof ReviewScopeError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  } finally {
    reader.close();
  }
  const layer = openLayer(path);
  try {
    layer.saveCampaign(campaign);
  } finally {
    layer.close();
  }
  writeFileSync(out, writeWorkbook(campaign));
  console.log(`campaign ${campaign.id} "${campaign.name}": ${campaign.items.length} items over ${campaign.resources.map((r) => `${r.type} ${r.name}`).join(', ')}`);
  console.log(`workbook written to ${out}; send it to the reviewers, then: entra-audit review import ${path} <returned.csv>`);
  return EXIT.ok;
}

async function importWorkbook(args: string[]): Promise<number> {
  const p = parseArgs(args, {}, 2);
  const [path, file] = p.positionals;
  if (!path || !file) throw new CliError(`review import needs a snapshot and a workbook\n\n${HELP}`, EXIT.usage);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read the workbook ${file}`, EXIT.badInput);
  }
  let campaignId = '';
  try {
    const records = parseCsv(text);
    const col = records[0]?.cells.findIndex((h) => h.trim().toLowerCase() === 'campaign_id') ?? -1;
    campaignId = col >= 0 ? (records[1]?.cells[col] ?? '').trim() : '';
  } catch {
    // readWorkbook below reports the syntax error with its line.
  }
  const layer = openLayer(path);
  try {
    const campaign = layer.campaign(campaignId);
    if (!campaign) {
      const known = layer.campaigns().map((c) => c.id);
      throw new CliError(`${file}: campaign "${campaignId}" is not in ${path} (${known.length ? `it has ${known.join(', ')}` : 'it has no campaigns'})`, EXIT.badInput);
    }
    const result = readWorkbook(text, campaign);
    if (result.errors.length) {
      throw new CliError(`${file}: nothing was recorded; fix these rows and import again:\n  ${result.errors.join('\n  ')}`, EXIT.badInput);
    }
    layer.recordDecisions(campaign.id, result.decisions, basename(file));
    const keep = result.decisions.filter((d) => d.decision === 'keep').length;
    console.log(`campaign ${campaign.id}: recorded ${result.decisions.length} decisions (${keep} keep, ${result.decisions.length - keep} remove); ` +
      `${result.undecided.length} rows left undecided in this workbook`);
    const s = layer.campaigns().find((c) => c.id === campaign.id)!;
    console.log(`progress: ${s.keep + s.remove} of ${s.items} items decided`);
    return EXIT.ok;
  } finally {
    layer.close();
  }
}

async function listCampaigns(args: string[]): Promise<number> {
  const p = parseArgs(args, {}, 1);
  const [path] = p.positionals;
  if (!path) throw new CliError(`review list needs a snapshot\n\n${HELP}`, EXIT.usage);
  const layer = openLayer(path, true);
  try {
    const all = layer.campaigns();
    if (!all.length) console.log('no review campaigns in this snapshot');
    for (const c of all) console.log(`${c.id}  ${c.createdAt.slice(0, 10)}  ${c.keep + c.remove}/${c.items} decided (${c.keep} keep, ${c.remove} remove)  ${c.name}`);
    return EXIT.ok;
  } finally {
    layer.close();
  }
}

async function rewrite(args: string[]): Promise<number> {
  const p = parseArgs(args, { out: { value: true } }, 2);
  const [path, id] = p.positionals;
  const out = stringFlag(p, 'out');
  if (!path || !id || !out) throw new CliError(`review workbook needs a snapshot, a campaign id and --out\n\n${HELP}`, EXIT.usage);
  const layer = openLayer(path, true);
  try {
    const campaign = layer.campaign(id);
    if (!campaign) throw new CliError(`no campaign ${id} in ${path}`, EXIT.badInput);
    writeFileSync(out, writeWorkbook(campaign, layer.decisions(id)));
    console.log(`workbook of ${id} with its recorded decisions written to ${out}`);
    return EXIT.ok;
  } finally {
    layer.close();
  }
}

const SUBCOMMANDS: Record<string, (args: string[]) => Promise<number>> = { create, import: importWorkbook, list: listCampaigns, workbook: rewrite };

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    console.log(HELP);
    return sub ? EXIT.ok : EXIT.usage;
  }
  const fn = SUBCOMMANDS[sub];
  if (!fn) throw new CliError(`unknown review subcommand "${sub}"\n\n${HELP}`, EXIT.usage);
  return fn(rest);
}
