export * from './vocabulary.js';
export * from './transitions.js';
export * from './routing.js';
export * from './working-calendar.js';
export * from './zoned-format.js';
export * from './sla-policy.js';
export * from './sla-clock.js';
export * from './stable-hash.js';
export * from './sampling.js';
export * from './visit-quotas.js';
export * from './topics.js';
export * from './repeat-rule.js';
export {
  propertySchema,
  parseProperty,
  PropertyError,
  describeIssues,
  PROPERTY_KINDS,
  slaDurationSchema,
  slaOverridesSchema,
  type Property,
  type PropertyKind,
  type Staff,
} from './property.js';
export * from './sla-stages.js';
export * from './survey-answer.js';
export * from './ticket-closing.js';
export * from './callback-rounds.js';
export * from './archive-access.js';
