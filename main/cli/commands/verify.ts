/**
 * `entra-audit verify <dir|zip>`: checks an evidence pack offline (every file's SHA-256 and size,
 * no missing or extra file, the manifest's CMS signature, signer.pem, the PDF's signature) and
 * names each problem with its file. Exit 0 only when the pack is intact.
 */
import { existsSync } from 'node:fs';
import { verifyPack } from '../../export/verify/verify-pack.js';
import { parseArgs } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';

const HELP = `usage: entra-audit verify <pack-folder | pack.zip> [--json]

Verifies an evidence pack without network: manifest.json's detached CMS signature, every file's
SHA-256 and size against it, no missing or extra file, signer.pem and SHA256SUMS agreeing with the
manifest, and report.pdf's own signature. Prints one line per problem: <file>: <problem>: <detail>.

exit codes: 0 intact, 1 something does not verify, 2 usage, 3 not a pack`;

const SPEC = { json: { value: false }, help: { value: false } } as const;

export async function run(args: string[]): Promise<number> {
  const p = parseArgs(args, SPEC, 1);
  if (p.flags.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  const path = p.positionals[0];
  if (!path) throw new CliError(`a pack folder or zip is required\n\n${HELP}`, EXIT.usage);
  if (!existsSync(path)) throw new CliError(`${path} does not exist`, EXIT.badInput);
  const v = await verifyPack(path);
  if (p.flags.json) {
    console.log(
      JSON.stringify(
        {
          ok: v.ok,
          problems: v.problems,
          checked: v.checked,
          tenant: v.manifest?.tenant ?? null,
          signer: v.manifest?.signer ?? null,
        },
        null,
        2,
      ),
    );
  } else if (v.ok) {
    const m = v.manifest!;
    console.log(`OK: ${path} is intact.`);
    console.log(`  tenant   ${m.tenant.name} (${m.tenant.id})`);
    console.log(`  files    ${v.checked} checked against manifest.json, signature valid, report.pdf signature valid`);
    console.log(`  signer   ${m.signer.subject}${m.signer.selfSigned ? ' (self-signed)' : ''}`);
    console.log(`  SHA-256  ${m.signer.sha256Fingerprint} (confirm with the sender)`);
  } else {
    for (const problem of v.problems) console.log(`${problem.path}: ${problem.problem}: ${problem.detail}`);
    console.log(`FAILED: ${v.problems.length} problem${v.problems.length === 1 ? '' : 's'} in ${path}`);
  }
  if (!v.ok && v.problems.length === 1 && v.problems[0].problem === 'unreadable') return EXIT.badInput;
  // Neither the manifest nor its signature: this is no evidence pack at all (not a damaged one).
  const lost = new Set(v.problems.filter((q) => q.problem === 'missing').map((q) => q.path));
  if (lost.has('manifest.json') && lost.has('manifest.json.p7s')) {
    console.log(`${path} is not an evidence pack: it has neither manifest.json nor manifest.json.p7s`);
    return EXIT.badInput;
  }
  return v.ok ? EXIT.ok : EXIT.findings;
}
