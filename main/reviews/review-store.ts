/**
 * The review layer of a snapshot: campaigns, their items (with the evidence shown to reviewers) and
 * the decisions imported back, in `layer_review_*` tables beside the collected data. Like the results
 * layer it never touches collected tables, so the snapshot's content hash does not change.
 * The tables are created here (IF NOT EXISTS) rather than by a store migration, so a snapshot of any
 * schema version can take a review without being migrated.
 */
import type Database from 'better-sqlite3';
import { openValidated } from '../store/snapshot-queries.js';
import type { Campaign, ReviewItem } from './campaign.js';
import type { ReviewDecision } from './workbook.js';

const DDL = `
  CREATE TABLE IF NOT EXISTS layer_review_campaigns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    createdAt TEXT NOT NULL,
    createdBy TEXT NOT NULL,
    tenantId TEXT NOT NULL,
    snapshotId TEXT NOT NULL,
    contentHash TEXT,
    resources TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS layer_review_items (
    campaignId TEXT NOT NULL REFERENCES layer_review_campaigns(id),
    itemId TEXT NOT NULL,
    resourceType TEXT NOT NULL,
    resourceId TEXT NOT NULL,
    resourceName TEXT NOT NULL,
    principalType TEXT NOT NULL,
    principalId TEXT NOT NULL,
    principalName TEXT NOT NULL,
    grantedVia TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (campaignId, itemId)
  );
  CREATE TABLE IF NOT EXISTS layer_review_decisions (
    campaignId TEXT NOT NULL,
    itemId TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('keep', 'remove')),
    reviewer TEXT NOT NULL,
    decidedAt TEXT NOT NULL,
    comment TEXT NOT NULL,
    importedAt TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (campaignId, itemId),
    FOREIGN KEY (campaignId, itemId) REFERENCES layer_review_items(campaignId, itemId)
  );
`;

/** A campaign's progress, for listings. */
export interface CampaignSummary {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  items: number;
  keep: number;
  remove: number;
}

/** A recorded decision with when and from which file it was imported. */
export interface RecordedDecision extends ReviewDecision {
  importedAt: string;
  source: string;
}

/** Read/write access to a snapshot's review layer. */
export class ReviewLayer {
  private constructor(private readonly db: Database.Database) {}

  /** Opens a snapshot (validated by the store) for reviews; `readonly` opens for reading only. */
  static open(path: string, readonly = false): ReviewLayer {
    const db = openValidated(path, readonly);
    if (!readonly) db.exec(DDL);
    return new ReviewLayer(db);
  }

  private has(): boolean {
    return !!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_review_campaigns'").get();
  }

  /** Stores a new campaign and its items in one transaction. */
  saveCampaign(c: Campaign): void {
    const item = this.db.prepare(`INSERT INTO layer_review_items (campaignId, itemId, resourceType, resourceId, resourceName, principalType,
      principalId, principalName, grantedVia, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO layer_review_campaigns (id, name, createdAt, createdBy, tenantId, snapshotId, contentHash, resources)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(c.id, c.name, c.createdAt, c.createdBy, c.tenantId, c.snapshotId, c.contentHash, JSON.stringify(c.resources));
      for (const i of c.items) item.run(c.id, i.itemId, i.resourceType, i.resourceId, i.resourceName, i.principalType, i.principalId,
        i.principalName, i.grantedVia, JSON.stringify(i.evidence));
    })();
  }

  /** Every campaign with its progress, oldest first. */
  campaigns(): CampaignSummary[] {
    if (!this.has()) return [];
    return this.db.prepare(`SELECT c.id, c.name, c.createdAt, c.createdBy,
      (SELECT count(*) FROM layer_review_items i WHERE i.campaignId = c.id) AS items,
      (SELECT count(*) FROM layer_review_decisions d WHERE d.campaignId = c.id AND d.decision = 'keep') AS keep,
      (SELECT count(*) FROM layer_review_decisions d WHERE d.campaignId = c.id AND d.decision = 'remove') AS remove
      FROM layer_review_campaigns c ORDER BY c.createdAt, c.id`).all() as CampaignSummary[];
  }

  /** One campaign with its items, or null. */
  campaign(id: string): Campaign | null {
    if (!this.has()) return null;
    const row = this.db.prepare('SELECT * FROM layer_review_campaigns WHERE id = ?').get(id) as
      (Omit<Campaign, 'resources' | 'items'> & { resources: string }) | undefined;
    if (!row) return null;
    const items = (this.db.prepare('SELECT * FROM layer_review_items WHERE campaignId = ? ORDER BY itemId').all(id) as
      (Omit<ReviewItem, 'evidence'> & { evidence: string; campaignId: string })[])
      .map(({ evidence, campaignId: _c, ...i }) => ({ ...i, evidence: JSON.parse(evidence) }));
    return { ...row, resources: JSON.parse(row.resources), items };
  }

  /** Records decisions (a later import of the same item replaces the earlier one) in one transaction. */
  recordDecisions(campaignId: string, decisions: readonly ReviewDecision[], source: string, importedAt = new Date().toISOString()): void {
    const upsert = this.db.prepare(`INSERT OR REPLACE INTO layer_review_decisions (campaignId, itemId, decision, reviewer, decidedAt, comment,
      importedAt, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      for (const d of decisions) upsert.run(campaignId, d.itemId, d.decision, d.reviewer, d.decidedAt, d.comment, importedAt, source);
    })();
  }

  /** A campaign's recorded decisions, in item order. */
  decisions(campaignId: string): RecordedDecision[] {
    if (!this.has()) return [];
    return this.db.prepare(`SELECT itemId, decision, reviewer, decidedAt, comment, importedAt, source FROM layer_review_decisions
      WHERE campaignId = ? ORDER BY itemId`).all(campaignId) as RecordedDecision[];
  }

  close(): void {
    this.db.close();
  }
}
