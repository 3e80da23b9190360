/**
 * The JSON shapes the emulator emits, as zod schemas with their TypeScript types. They are loose
 * (extra properties pass) because Graph adds properties over time; a test parses every real body in
 * ../shared/graph-samples with these same schemas, so the emulator cannot drift from Microsoft's shapes.
 */
import { z } from 'zod';

/**
 * Any Graph entity: whatever properties its type has. The emulator always sends `id`; the schema lets it
 * be absent because some published bodies (devproxy-mocks/devices.json, service-principals.json) omit it.
 */
export const graphEntitySchema = z.looseObject({ id: z.string().optional(), '@odata.type': z.string().optional() });
export type GraphEntity = z.infer<typeof graphEntitySchema>;

/** A collection page: `value`, plus the OData annotations Graph adds. */
export const graphCollectionSchema = z.looseObject({
  '@odata.context': z.string().optional(),
  '@odata.nextLink': z.string().optional(),
  '@odata.count': z.number().int().nonnegative().optional(),
  value: z.array(graphEntitySchema),
});
export type GraphCollection = z.infer<typeof graphCollectionSchema>;

/** A single entity as returned by GET /collection/{id}. */
export const graphEntityResponseSchema = graphEntitySchema.extend({ '@odata.context': z.string().optional() });
export type GraphEntityResponse = z.infer<typeof graphEntityResponseSchema>;

/** Graph's error body: {"error":{"code","message","innerError":{...}}}. */
export const graphErrorSchema = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    innerError: z
      .looseObject({
        date: z.string().optional(),
        'request-id': z.string().optional(),
        'client-request-id': z.string().optional(),
      })
      .optional(),
  }),
});
export type GraphError = z.infer<typeof graphErrorSchema>;

/** One request inside a JSON $batch body. */
export const batchRequestItemSchema = z.object({
  id: z.string().min(1),
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
export const batchRequestSchema = z.object({ requests: z.array(batchRequestItemSchema) });
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** One answer inside a JSON $batch response, each with its own status. */
export const batchResponseItemSchema = z.object({
  id: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
});
export const batchResponseSchema = z.object({ responses: z.array(batchResponseItemSchema) });
export type BatchResponse = z.infer<typeof batchResponseSchema>;
export type BatchResponseItem = z.infer<typeof batchResponseItemSchema>;
