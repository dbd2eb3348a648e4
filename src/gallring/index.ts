// Gallring: how long ended cases are kept (config/gallring.json), which are due, and the stub a culled case leaves.
export { type GallringConfig, GallringConfigSchema, type GallringRule, loadGallringConfig, ruleFor } from './gallring-config.js';
export { birthDayOf, casesDueForGallring, type DueCase, type RetentionCase } from './retention.js';
export { culledSummary } from './deidentify.js';
