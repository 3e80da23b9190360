/**
 * Tenant text is hostile until proven otherwise: the renderer's components print HTML, script and
 * bidi tricks as text (React escaping), and no renderer source writes raw HTML or evaluates code.
 * Rendered with react-dom/server, so no DOM emulation is needed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EvidenceList } from '../../renderer/components/evidence.js';
import { SessionBanner } from '../../renderer/components/session-banner.js';
import { Donut } from '../../renderer/components/charts.js';

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>\u202Eevil';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('hostile text in the renderer', () => {
  it('prints evidence values as text', () => {
    const html = renderToStaticMarkup(<EvidenceList evidence={{ [HOSTILE]: HOSTILE, n: 3, b: false, none: null }} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;');
  });

  it('prints the tenant name and who collected it as text in the header', () => {
    const html = renderToStaticMarkup(
      <SessionBanner
        state={{
          connection: null,
          activeJob: null,
          snapshot: {
            path: '/x.sqlite',
            mode: 'review',
            readOnly: true,
            integrity: { status: 'altered', recorded: 'a', computed: 'b' },
            checks: 'ready',
            analysis: null,
            coverage: [],
            meta: {
              tenantName: HOSTILE,
              collectedBy: HOSTILE,
              collectionStartedAt: '2026-01-01T00:00:00Z',
              collectionFinishedAt: null,
            } as never,
          },
        }}
      />,
    );
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('Review mode · read-only');
    expect(html).toContain('Altered since collection');
  });

  it('labels charts with text alternatives, escaped', () => {
    const html = renderToStaticMarkup(
      <Donut title="results" center="3" slices={[{ label: HOSTILE, value: 3, className: 'c-fail' }]} />,
    );
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toMatch(/role="img" aria-label="results\. &lt;img/);
  });

  it('has no raw-HTML or eval escape hatch anywhere in the renderer', () => {
    for (const file of files(join(__dirname, '../../renderer'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(
        /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
      );
    }
  });
});
