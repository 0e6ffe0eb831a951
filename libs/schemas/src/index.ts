export { envelopeSchema, EVENT_TYPE_PATTERN, type Envelope } from './envelope';
export { createEnvelope, parseEnvelope, keyOfEnvelope, type EnvelopeInput } from './envelope.util';
export { wasValidatedFor, type ValidatedEnvelope } from './validated-envelope';
export {
  jsonValueSchema,
  hexAddressSchema,
  hexHashSchema,
  uintStringSchema,
  isoTimeSchema,
  type JsonValue,
} from './json-value';
export { SchemaValidationError, type SchemaIssue } from './schema-validation.error';
export { base58ByteLength } from './base58.util';
export { defineTopic, deadLetterTopicOf, type TopicDefinition, type TopicData } from './topic';
export { topics, findTopic, allTopics } from './registry';
export { chainEvmLogTopic, chainEvmReorgTopic, chainSolanaTxTopic } from './topics/chain.topics';
export { unlockAchievedTopic, unlockRevokedTopic, profileUpdatedTopic } from './topics/unlock.topics';
export {
  oracleSentimentTopic,
  oracleSettlementTopic,
  oracleInterpretationTopic,
  settlementStates,
} from './topics/oracle.topics';
export { alertsRawTopic, alertsNotificationTopic } from './topics/alert.topics';
