/**
 * The users table: virtualized (only the visible rows exist in the DOM) over server-side pages, so a
 * 200k-user snapshot scrolls smoothly and the bridge carries one page of 200 rows at a time. Search,
 * filters and sort run in main. Pages are cached per query and the cache is bounded. Failing counts
 * come from the checks: until they have run the column says so and cannot be sorted, and when they
 * finish the cached pages are fetched again where the user is.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../shared/ipc.js';
import type { UserListRow } from '../../shared/ipc-types.js';
import type { Navigate } from '../route.js';
import { useBridge } from '../use-bridge.js';
import { ErrorNote } from '../components/ui.js';
import { BridgeError } from '../bridge/index.js';
import { fmtDay, fmtNumber } from '../components/format.js';
import { useChecksStatus } from '../checks-state.js';

const PAGE = 200;
const ROW_HEIGHT = 36;
/** Pages kept in memory; older ones are dropped so scrolling never grows memory without bound. */
const MAX_PAGES = 12;
const BUSY_RETRY_MS = 2000;

type SortKey = NonNullable<ChannelInput<'users'>['sort']>;
const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'displayName', label: 'Name', className: 'col-name' },
  { key: 'userPrincipalName', label: 'User principal name', className: 'col-upn' },
  { key: 'department', label: 'Department', className: 'col-dept' },
  { key: 'userType', label: 'Type', className: 'col-type' },
  { key: 'accountEnabled', label: 'Enabled', className: 'col-enabled' },
  { key: 'mfa', label: 'MFA', className: 'col-mfa' },
  { key: 'lastSignInDateTime', label: 'Last sign-in', className: 'col-signin' },
  { key: 'failing', label: 'Failing', className: 'col-failing' },
];

export function UsersTable({ navigate }: { navigate: Navigate }) {
  const bridge = useBridge();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortKey>('displayName');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [userType, setUserType] = useState<'' | 'Member' | 'Guest'>('');
  const [enabled, setEnabled] = useState<'' | 'yes' | 'no'>('');
  const [mfa, setMfa] = useState<'' | 'registered' | 'not-registered' | 'unknown'>('');
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const pages = useRef(new Map<number, UserListRow[]>());
  const loading = useRef(new Set<number>());
  /** Pages whose request failed: not asked again on every render (a busy snapshot is retried shortly). */
  const failed = useRef(new Set<number>());
  const [, setTick] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const checksReady = useChecksStatus().state === 'ready';
  // Sorting by failing results needs the checks; until then the table keeps the name order.
  const sortBy: SortKey = sort === 'failing' && !checksReady ? 'displayName' : sort;
  const queryKey = JSON.stringify([search, sortBy, dir, userType, enabled, mfa]);
  /** The rows also change (failing counts) when the checks finish, the order and total do not. */
  const cacheKey = `${queryKey}|${checksReady}`;

  useEffect(() => {
    const t = setTimeout(() => setSearch(searchText), 250);
    return () => clearTimeout(t);
  }, [searchText]);

  const load = (page: number, key: string) => {
    if (pages.current.has(page) || loading.current.has(page) || failed.current.has(page)) return;
    loading.current.add(page);
    bridge
      .users({
        offset: page * PAGE,
        limit: PAGE,
        search: search || undefined,
        sort: sortBy,
        dir,
        userType: userType || undefined,
        enabled: enabled === '' ? undefined : enabled === 'yes',
        mfa: mfa || undefined,
      })
      .then(
        (res) => {
          if (key !== queryKeyRef.current) return;
          loading.current.delete(page);
          pages.current.set(page, res.rows);
          while (pages.current.size > MAX_PAGES) pages.current.delete(pages.current.keys().next().value as number);
          setTotal(res.total);
          setError(null);
          setTick((t) => t + 1);
        },
        (err: unknown) => {
          if (key !== queryKeyRef.current) return;
          loading.current.delete(page);
          failed.current.add(page);
          setError(err as Error);
          // A live snapshot is busy for some seconds while its check results are stored: ask again then.
          if (err instanceof BridgeError && err.code === 'conflict') {
            setTimeout(() => {
              if (key !== queryKeyRef.current) return;
              failed.current.delete(page);
              setTick((t) => t + 1);
            }, BUSY_RETRY_MS);
          }
        },
      );
  };
  const queryKeyRef = useRef(cacheKey);

  useEffect(() => {
    setTotal(null);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);
  useEffect(() => {
    queryKeyRef.current = cacheKey;
    pages.current = new Map();
    loading.current = new Set();
    failed.current = new Set();
    load(0, cacheKey);
    setTick((t) => t + 1);
  }, [cacheKey]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (!items.length) return;
    const first = Math.floor(items[0].index / PAGE);
    const last = Math.floor(items[items.length - 1].index / PAGE);
    for (let p = first; p <= last; p++) load(p, cacheKey);
  });

  const toggleSort = (key: SortKey) => {
    if (key === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(key);
      setDir('asc');
    }
  };

  return (
    <section className="card users-card" aria-labelledby="users-title">
      <div className="card-head">
        <h2 id="users-title">Users {total !== null ? <span className="count">{fmtNumber(total)}</span> : null}</h2>
      </div>
      <div className="toolbar">
        <div className="field inline-field">
          <label htmlFor="user-search">Search</label>
          <input
            id="user-search"
            type="search"
            placeholder="Name, UPN, department"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </div>
        <div className="field inline-field">
          <label htmlFor="user-type">Type</label>
          <select id="user-type" value={userType} onChange={(e) => setUserType(e.target.value as typeof userType)}>
            <option value="">All</option>
            <option value="Member">Members</option>
            <option value="Guest">Guests</option>
          </select>
        </div>
        <div className="field inline-field">
          <label htmlFor="user-enabled">Account</label>
          <select id="user-enabled" value={enabled} onChange={(e) => setEnabled(e.target.value as typeof enabled)}>
            <option value="">All</option>
            <option value="yes">Enabled</option>
            <option value="no">Disabled</option>
          </select>
        </div>
        <div className="field inline-field">
          <label htmlFor="user-mfa">MFA</label>
          <select id="user-mfa" value={mfa} onChange={(e) => setMfa(e.target.value as typeof mfa)}>
            <option value="">All</option>
            <option value="registered">Registered</option>
            <option value="not-registered">Not registered</option>
            <option value="unknown">Unknown</option>
          </select>
        </div>
      </div>
      <ErrorNote error={error} />
      <div className="vtable" role="table" aria-label="Users" aria-rowcount={(total ?? 0) + 1}>
        <div className="vrow vhead" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={c.className}
              aria-sort={sortBy === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                className="sort-button"
                onClick={() => toggleSort(c.key)}
                disabled={c.key === 'failing' && !checksReady}
                title={c.key === 'failing' && !checksReady ? 'Available once the checks have run' : undefined}
              >
                {c.label}
                <span aria-hidden="true">{sortBy === c.key ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </div>
          ))}
        </div>
        <div ref={scrollRef} className="vbody" tabIndex={0} role="rowgroup" aria-label="User rows (scroll)">
          <div className="vspacer" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = pages.current.get(Math.floor(item.index / PAGE))?.[item.index % PAGE];
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`vrow${item.index % 2 ? ' vrow-alt' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row ? (
                    <>
                      <div role="cell" className="col-name">
                        <button
                          type="button"
                          className="link"
                          onClick={() =>
                            navigate({ screen: 'user', userId: row.id, back: { screen: 'data', tab: 'users' } })
                          }
                        >
                          {row.displayName}
                        </button>
                      </div>
                      <div role="cell" className="col-upn">
                        {row.userPrincipalName}
                      </div>
                      <div role="cell" className="col-dept">
                        {row.department ?? ''}
                      </div>
                      <div role="cell" className="col-type">
                        {row.userType}
                      </div>
                      <div role="cell" className="col-enabled">
                        {row.accountEnabled ? 'Yes' : 'No'}
                      </div>
                      <div role="cell" className="col-mfa">
                        <span className={`badge mfa-${row.mfa}`}>
                          {row.mfa === 'registered'
                            ? 'Registered'
                            : row.mfa === 'not-registered'
                              ? 'Not registered'
                              : 'Unknown'}
                        </span>
                      </div>
                      <div role="cell" className="col-signin">
                        {fmtDay(row.lastSignInDateTime)}
                      </div>
                      <div role="cell" className="col-failing">
                        {row.failing === null ? (
                          <span className="muted" title="Known once the checks have run">
                            <span aria-hidden="true">…</span>
                            <span className="sr-only">not known yet</span>
                          </span>
                        ) : row.failing ? (
                          <span className="badge badge-fail">{row.failing}</span>
                        ) : (
                          ''
                        )}
                      </div>
                    </>
                  ) : (
                    <div role="cell" className="col-loading">
                      Loading…
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
