/** The OSCAL 1.0.6 assessment-results JSON schema (../shared/oscal) compiled with ajv (draft-07) and ajv-formats. */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

export function oscalValidator(): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(new URL('../../../shared/oscal/oscal_assessment-results_schema-v1.0.6.json', import.meta.url), 'utf8'),
  );
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: the plugin is the module itself (also exposed as .default).
  const plugin = formats as unknown as { default?: (a: Ajv) => Ajv } & ((a: Ajv) => Ajv);
  (plugin.default ?? plugin)(ajv);
  return ajv.compile(schema);
}
