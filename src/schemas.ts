import { createRequire } from 'node:module';

// The published schemas are the single source of truth for file shapes; the loaders validate
// against the same files users point their editors at.
const require = createRequire(import.meta.url);

export const rulesetSchema = require('../schemas/ruleset.schema.json') as object;
export const caseSchema = require('../schemas/case.schema.json') as object;
export const reportSchema = require('../schemas/report.schema.json') as object;
export const jurisdictionSchema = require('../schemas/jurisdiction.schema.json') as object;
export const ruletestSchema = require('../schemas/ruletest.schema.json') as object;
