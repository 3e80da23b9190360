/**
 * No secret leaves the process that holds it. A full run through the real CLI (collect with a token
 * from the environment -> check -> export signed with a passphrase-protected P12 -> verify, and the
 * demo), each child with its own HOME and TMPDIR, then a scan of every byte it wrote -- snapshot,
 * pack (folder, zip, the PDF's text), config and temp folders, stdout and stderr -- for the access
 * token, its signature, anything shaped like a JWT, the P12 passphrase and PEM private-key markers.
 * Also a collection signed in with a client secret through a token service: the secret and the
 * tokens it bought appear nowhere in the snapshot.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTokenProvider } from '../../main/auth/app-registration.js';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { createGraphReader } from '../../main/graph/reader.js';
import { startLocalIdp } from '../auth/local-idp.js';
import { collectInto, serveTenant, TIME_SCALE, type Served } from '../collect/harness.js';
import { cli, filesUnder, tempDir, type CliRun } from './harness.js';

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

let served: Served;
let dir: string;
let cleanup: () => void;
const at = (...p: string[]) => join(dir, ...p);

/** Text of everything under the folders plus the runs' output, and the PDF's extracted text. */
function haystack(folders: string[], runs: CliRun[]): { name: string; text: string }[] {
  const out = folders.flatMap((f) => filesUnder(f).map((x) => ({ name: x.path, text: x.bytes.toString('latin1') })));
  for (const f of out.filter((x) => x.name.endsWith('.pdf'))) {
    out.push({ name: `${f.name} (pdftotext)`, text: execFileSync('pdftotext', [f.name, '-'], { encoding: 'utf8' }) });
  }
  runs.forEach((r, i) =>
    out.push({ name: `run ${i} stdout`, text: r.stdout }, { name: `run ${i} stderr`, text: r.stderr }),
  );
  return out;
}

function expectAbsent(hay: { name: string; text: string }[], needles: (string | RegExp)[]): void {
  for (const { name, text } of hay) {
    for (const n of needles) {
      const found = typeof n === 'string' ? text.includes(n) : n.test(text);
      expect(found, `${String(n).slice(0, 24)}… found in ${name}`).toBe(false);
    }
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  served = await serveTenant({ users: 20, licence: 'p2', seed: 21 });
}, 60_000);

afterAll(async () => {
  await served?.close();
  cleanup?.();
});

describe('no token, secret or private key in anything a run writes', () => {
  it('collect -> check -> export (P12 + passphrase) -> verify, and the demo', async () => {
    for (const d of ['home', 'tmp', 'out', 'in']) mkdirSync(at(d));
    const passphrase = `pp-${randomBytes(12).toString('hex')}`;
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        at('in', 'k.pem'),
        '-out',
        at('in', 'c.pem'),
        '-days',
        '30',
        '-subj',
        '/CN=Scan Signer',
      ],
      { stdio: 'ignore' },
    );
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-inkey',
        at('in', 'k.pem'),
        '-in',
        at('in', 'c.pem'),
        '-out',
        at('in', 'id.p12'),
        '-passout',
        `pass:${passphrase}`,
      ],
      { stdio: 'ignore' },
    );
    const token = served.emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] });
    const env = { HOME: at('home'), TMPDIR: at('tmp'), EAD_SCAN_TOKEN: token, EAD_SCAN_PASS: passphrase };
    const snapshot = at('out', 'snapshot.sqlite');
    const runs: CliRun[] = [];
    runs.push(
      await cli(
        [
          'collect',
          '--out',
          snapshot,
          '--access-token-env',
          'EAD_SCAN_TOKEN',
          '--graph-url',
          served.emulator.url,
          '--ca-cert',
          served.emulator.caCertPath,
          '--time-scale',
          String(TIME_SCALE),
          '--sign-ins-days',
          '1',
          '--sign-ins-until',
          served.generated.tenant.now,
        ],
        env,
      ),
    );
    expect(runs[0].code).toBe(0);
    runs.push(await cli(['check', snapshot, '--json', at('out', 'results.json')], env));
    expect([0, 1]).toContain(runs[1].code);
    runs.push(
      await cli(
        [
          'export',
          snapshot,
          '--out',
          at('out', 'pack'),
          '--sign',
          at('in', 'id.p12'),
          '--sign-passphrase-env',
          'EAD_SCAN_PASS',
        ],
        env,
      ),
    );
    expect(runs[2].code).toBe(0);
    runs.push(await cli(['verify', at('out', 'pack.zip')], env));
    expect(runs[3].code).toBe(0);
    runs.push(await cli(['demo', '--users', '10', '--out', at('out', 'demo')], env));
    expect(runs[4].code).toBe(0);

    const hay = haystack([at('out'), at('home'), at('tmp')], runs);
    expect(hay.some((h) => h.name.endsWith('report.pdf (pdftotext)'))).toBe(true);
    expect(hay.some((h) => h.name.endsWith('snapshot.sqlite'))).toBe(true);
    expectAbsent(hay, [token, token.split('.')[2], passphrase, JWT, PRIVATE_KEY]);
  }, 120_000);

  it('a client-secret sign-in: neither the secret nor the tokens it bought reach the snapshot', async () => {
    const tenant = served.generated.tenant.tenantId;
    const clientId = '22222222-3333-4444-8555-666666666666';
    const secret = `cs~${randomBytes(18).toString('base64url')}`;
    const issued: string[] = [];
    const idp = await startLocalIdp({
      tenant,
      clientId,
      upn: 'auditor@example.test',
      clientSecret: secret,
      accessToken: () => {
        const t = served.emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS], appId: clientId });
        issued.push(t);
        return t;
      },
    });
    const lines: string[] = [];
    try {
      const provider = createAppTokenProvider({
        tenant,
        clientId,
        clientSecret: secret,
        authority: `${idp.origin}/${tenant}`,
        knownAuthorities: [idp.host],
        caCertPem: idp.caCertPem,
      });
      const graph = createGraphReader({
        baseUrl: served.emulator.url,
        caCertPem: served.emulator.caCertPem,
        tokenProvider: provider,
        timeScale: TIME_SCALE,
        logger: (l) => lines.push(l),
      });
      mkdirSync(at('secret'));
      const r = await collectInto(served, graph, at('secret', 'snapshot.sqlite'), { days: 3 });
      graph.close();
      expect(r.report.incomplete).toEqual([]);
      expect(issued.length).toBeGreaterThan(0);
      const hay = [...haystack([at('secret')], []), { name: 'reader log', text: lines.join('\n') }];
      expectAbsent(hay, [secret, ...issued, ...issued.map((t) => t.split('.')[2]), JWT]);
    } finally {
      await idp.close();
    }
  }, 60_000);
});
