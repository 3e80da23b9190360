/**
 * Column contract of the pack's sample CSV (fixed columns; the per-item evidence as one JSON cell so
 * every population fits one layout), in the exporter's CsvTable form.
 */
import type { CsvTable } from '../export/csv/csv-table.js';
import type { SampleItem, SnapshotSample } from './sample-snapshot.js';

/** One drawn item together with the sample it belongs to (seed, population, size). */
export interface SampleRow {
  sample: SnapshotSample;
  item: SampleItem;
}

export const SAMPLE_TABLE: CsvTable<SampleRow> = {
  file: 'samples.csv',
  title: 'Auditor samples',
  doc: 'One row per drawn item; redraw with the seed, population size and algorithm given on each row (entra-audit sample).',
  columns: [
    { name: 'population', doc: 'population sampled', value: (r) => r.sample.population },
    { name: 'seed', doc: 'seed of the draw', value: (r) => r.sample.seed },
    { name: 'populationSize', doc: 'items in the population', value: (r) => r.sample.populationSize },
    { name: 'sampleSize', doc: 'items drawn', value: (r) => r.sample.sampleSize },
    { name: 'algorithm', doc: 'algorithm identifier (sha256-counter-fisher-yates-v1)', value: (r) => r.sample.algorithm.split(':')[0] },
    { name: 'draw', doc: 'draw order, from 1', value: (r) => r.item.draw },
    { name: 'sortedIndex', doc: 'position in the population sorted by id, from 0', value: (r) => r.item.sortedIndex },
    { name: 'id', doc: 'item id', value: (r) => r.item.id },
    { name: 'name', doc: 'item name', value: (r) => r.item.name },
    { name: 'evidence', doc: 'per-item evidence as JSON', value: (r) => JSON.stringify(r.item.evidence) },
  ],
};
