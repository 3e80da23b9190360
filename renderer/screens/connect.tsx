/**
 * Connect: the built-in demo tenant, an interactive sign-in, an app registration (certificate or
 * secret), an access token, or a snapshot file to review. Also states what the app reads and what
 * it never touches (DATA_ACCESS), before anything is collected.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { DATA_ACCESS } from '../../shared/datasets.js';
import type { SessionState } from '../../shared/ipc-types.js';
import type { Navigate } from '../route.js';
import { useBridge, useQuery } from '../use-bridge.js';
import { ErrorNote, PageHeader } from '../components/ui.js';
import { fmtDate } from '../components/format.js';

type Method = 'demo' | 'interactive' | 'app' | 'token' | 'file';
type CloudId = 'global' | 'usgov' | 'usgovdod' | 'china';

const METHODS: { id: Method; label: string; hint: string }[] = [
  { id: 'demo', label: 'Demo tenant', hint: 'A synthetic tenant served on this computer. Nothing leaves the machine.' },
  { id: 'interactive', label: 'Sign in', hint: 'Sign in as an administrator in your browser (delegated, read-only).' },
  { id: 'app', label: 'App registration', hint: 'Your own app registration with a certificate or a client secret.' },
  {
    id: 'token',
    label: 'Access token',
    hint: 'A Graph token you already have, e.g. from az account get-access-token.',
  },
  { id: 'file', label: 'Open snapshot', hint: 'Review a snapshot file, read-only, with no network.' },
];

export function ConnectScreen({
  navigate,
  session,
  onChange,
}: {
  navigate: Navigate;
  session: SessionState | undefined;
  onChange: () => void;
}) {
  const [method, setMethod] = useState<Method>('demo');
  const current = METHODS.find((m) => m.id === method)!;
  return (
    <>
      <PageHeader title="Connect" subtitle="Choose how to reach the tenant, or open a snapshot someone collected." />
      {session?.connection ? (
        <div className="note note-info" role="status">
          Connected to <strong>{session.connection.tenantName}</strong> as {session.connection.signedInAs}.{' '}
          <button type="button" className="link" onClick={() => navigate({ screen: 'collection' })}>
            Go to collection
          </button>
        </div>
      ) : null}
      <div className="connect-grid">
        <section className="card" aria-labelledby="method-title">
          <h2 id="method-title">Connection method</h2>
          <div className="segmented" role="radiogroup" aria-label="Connection method">
            {METHODS.map((m) => (
              <label key={m.id} className={`segment${m.id === method ? ' segment-on' : ''}`}>
                <input
                  type="radio"
                  name="method"
                  value={m.id}
                  checked={m.id === method}
                  onChange={() => setMethod(m.id)}
                />
                {m.label}
              </label>
            ))}
          </div>
          <p className="hint">{current.hint}</p>
          {method === 'demo' && <DemoForm navigate={navigate} onChange={onChange} />}
          {method === 'interactive' && <InteractiveForm navigate={navigate} onChange={onChange} />}
          {method === 'app' && <AppForm navigate={navigate} onChange={onChange} />}
          {method === 'token' && <TokenForm navigate={navigate} onChange={onChange} />}
          {method === 'file' && <OpenFileForm navigate={navigate} onChange={onChange} />}
        </section>
        <section className="card" aria-labelledby="access-title">
          <h2 id="access-title">What this app reads</h2>
          <p className="hint">Read-only access through Microsoft Graph. Nothing is ever written to the tenant.</p>
          <table className="table compact">
            <caption className="sr-only">Data access statement</caption>
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {DATA_ACCESS.map((d) => (
                <tr key={d.dataType}>
                  <td>{d.dataType}</td>
                  <td>
                    <span className={`badge ${d.access === 'Read' ? 'badge-read' : 'badge-none'}`}>{d.access}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}

/** A labelled form field. */
function Field({ label, children, help }: { label: string; children: (id: string) => ReactNode; help?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {help ? <p className="field-help">{help}</p> : null}
    </div>
  );
}

function CloudField({ value, onChange }: { value: CloudId; onChange: (c: CloudId) => void }) {
  return (
    <Field label="Cloud">
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as CloudId)}>
          <option value="global">Global</option>
          <option value="usgov">US Government (GCC High)</option>
          <option value="usgovdod">US Government (DoD)</option>
          <option value="china">China (21Vianet)</option>
        </select>
      )}
    </Field>
  );
}

/** Shared submit logic: busy state, error, then navigate. */
function useSubmit(run: () => Promise<unknown>, done: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
      done();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

type FormProps = { navigate: Navigate; onChange: () => void };

function DemoForm({ navigate, onChange }: FormProps) {
  const bridge = useBridge();
  const [users, setUsers] = useState(500);
  const [licence, setLicence] = useState<'free' | 'p1' | 'p2'>('p2');
  const [seed, setSeed] = useState(42);
  const { busy, error, submit } = useSubmit(
    () => bridge.connectDemo({ users, licence, seed }),
    () => {
      onChange();
      navigate({ screen: 'collection' });
    },
  );
  return (
    <form onSubmit={submit} className="form">
      <div className="form-row">
        <Field label="Users">
          {(id) => (
            <input
              id={id}
              type="number"
              min={10}
              max={200000}
              value={users}
              onChange={(e) => setUsers(Number(e.target.value))}
              required
            />
          )}
        </Field>
        <Field label="Licence">
          {(id) => (
            <select id={id} value={licence} onChange={(e) => setLicence(e.target.value as 'free' | 'p1' | 'p2')}>
              <option value="free">Entra ID Free</option>
              <option value="p1">Entra ID P1</option>
              <option value="p2">Entra ID P2</option>
            </select>
          )}
        </Field>
        <Field label="Seed">
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              value={seed}
              onChange={(e) => setSeed(Number(e.target.value))}
              required
            />
          )}
        </Field>
      </div>
      <ErrorNote error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Starting the demo tenant…' : 'Open the demo tenant'}
      </button>
    </form>
  );
}

function InteractiveForm({ navigate, onChange }: FormProps) {
  const bridge = useBridge();
  const [tenant, setTenant] = useState('');
  const [cloud, setCloud] = useState<CloudId>('global');
  const { busy, error, submit } = useSubmit(
    () => bridge.connectInteractive({ tenant: tenant.trim() || undefined, cloud }),
    () => {
      onChange();
      navigate({ screen: 'preflight' });
    },
  );
  return (
    <form onSubmit={submit} className="form">
      <Field label="Tenant (optional)" help="Tenant id or a verified domain; leave empty to pick at sign-in.">
        {(id) => <input id={id} value={tenant} onChange={(e) => setTenant(e.target.value)} autoComplete="off" />}
      </Field>
      <CloudField value={cloud} onChange={setCloud} />
      <ErrorNote error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Waiting for the browser sign-in…' : 'Sign in with the browser'}
      </button>
    </form>
  );
}

function AppForm({ navigate, onChange }: FormProps) {
  const bridge = useBridge();
  const info = useQuery((b) => b.appInfo({}), []);
  const [tenant, setTenant] = useState('');
  const [clientId, setClientId] = useState('');
  const [cloud, setCloud] = useState<CloudId>('global');
  const [kind, setKind] = useState<'certificate' | 'secret'>('certificate');
  const [secret, setSecret] = useState('');
  const [remember, setRemember] = useState(false);
  const [certPath, setCertPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, submit } = useSubmit(
    () =>
      bridge.connectAppRegistration({
        tenant: tenant.trim(),
        clientId: clientId.trim(),
        cloud,
        credential: kind === 'secret' ? { kind, secret, remember } : { kind, path: certPath.trim(), passphrase },
      }),
    () => {
      setSecret('');
      onChange();
      navigate({ screen: 'preflight' });
    },
  );
  return (
    <form onSubmit={submit} className="form">
      <div className="form-row">
        <Field label="Tenant">
          {(id) => (
            <input id={id} value={tenant} onChange={(e) => setTenant(e.target.value)} required autoComplete="off" />
          )}
        </Field>
        <Field label="Application (client) id">
          {(id) => (
            <input id={id} value={clientId} onChange={(e) => setClientId(e.target.value)} required autoComplete="off" />
          )}
        </Field>
      </div>
      <CloudField value={cloud} onChange={setCloud} />
      <fieldset className="fieldset">
        <legend>Credential</legend>
        <label className="inline">
          <input type="radio" name="cred" checked={kind === 'certificate'} onChange={() => setKind('certificate')} />{' '}
          Certificate (recommended)
        </label>
        <label className="inline">
          <input type="radio" name="cred" checked={kind === 'secret'} onChange={() => setKind('secret')} /> Client
          secret
        </label>
      </fieldset>
      {kind === 'certificate' ? (
        <div className="form-row">
          <Field label="Certificate file (PEM with private key)">
            {(id) => (
              <input
                id={id}
                value={certPath}
                onChange={(e) => setCertPath(e.target.value)}
                required
                autoComplete="off"
              />
            )}
          </Field>
          <Field label="Passphrase">
            {(id) => (
              <input
                id={id}
                type="password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
        </div>
      ) : (
        <>
          <Field label="Client secret">
            {(id) => (
              <input
                id={id}
                type="password"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
                required
                autoComplete="off"
              />
            )}
          </Field>
          <label className="inline">
            <input
              type="checkbox"
              checked={remember}
              disabled={!info.data?.nativeDialogs}
              onChange={(e) => setRemember(e.target.checked)}
            />{' '}
            Remember the secret (encrypted by the operating system; desktop app only)
          </label>
        </>
      )}
      <ErrorNote error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Connecting…' : 'Connect'}
      </button>
    </form>
  );
}

function TokenForm({ navigate, onChange }: FormProps) {
  const bridge = useBridge();
  const [token, setToken] = useState('');
  const [cloud, setCloud] = useState<CloudId>('global');
  const { busy, error, submit } = useSubmit(
    () => bridge.connectAccessToken({ accessToken: token.trim(), cloud }),
    () => {
      setToken('');
      onChange();
      navigate({ screen: 'preflight' });
    },
  );
  return (
    <form onSubmit={submit} className="form">
      <Field label="Access token" help="Kept in memory only for this session; never saved.">
        {(id) => (
          <textarea
            id={id}
            rows={4}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
            spellCheck={false}
            autoComplete="off"
          />
        )}
      </Field>
      <CloudField value={cloud} onChange={setCloud} />
      <ErrorNote error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Checking the token…' : 'Use this token'}
      </button>
    </form>
  );
}

function OpenFileForm({ navigate, onChange }: FormProps) {
  const bridge = useBridge();
  const info = useQuery((b) => b.appInfo({}), []);
  const recent = useQuery((b) => b.snapshotRecent({}), []);
  const [path, setPath] = useState('');
  const [pickError, setPickError] = useState<Error | null>(null);
  const { busy, error, submit } = useSubmit(
    () => bridge.snapshotOpen({ path: path.trim() }),
    () => {
      onChange();
      navigate({ screen: 'overview' });
    },
  );
  const browse = async () => {
    try {
      const picked = await bridge.snapshotPick({});
      if (picked.path) setPath(picked.path);
    } catch (err) {
      setPickError(err as Error);
    }
  };
  return (
    <form onSubmit={submit} className="form">
      <Field
        label="Snapshot file"
        help="A .sqlite snapshot. It opens read-only at once; its integrity is verified and its checks run in the background."
      >
        {(id) => (
          <div className="input-with-button">
            <input
              id={id}
              value={path}
              onChange={(e) => setPath(e.target.value)}
              required
              autoComplete="off"
              placeholder="/path/to/snapshot.sqlite"
            />
            {info.data?.nativeDialogs ? (
              <button type="button" className="btn" onClick={browse}>
                Browse…
              </button>
            ) : null}
          </div>
        )}
      </Field>
      <ErrorNote error={pickError ?? error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Opening…' : 'Open for review'}
      </button>
      {recent.data?.length ? (
        <div className="recent">
          <h3>Recent snapshots</h3>
          <ul>
            {recent.data.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" onClick={() => setPath(r.path)}>
                  {r.tenantName} · {fmtDate(r.collectedAt)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
