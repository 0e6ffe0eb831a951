import { alertsNotificationTopic, alertsRawTopic } from './topics/alert.topics';
import { chainEvmLogTopic, chainEvmReorgTopic, chainSolanaTxTopic } from './topics/chain.topics';
import {
  oracleInterpretationTopic,
  oracleSentimentTopic,
  oracleSettlementTopic,
} from './topics/oracle.topics';
import { profileUpdatedTopic, unlockAchievedTopic, unlockRevokedTopic } from './topics/unlock.topics';
import type { TopicDefinition } from './topic';

/** Every topic of the system, by name. The only place topics are declared (DESIGN.md). */
export const topics = {
  chainEvmLog: chainEvmLogTopic,
  chainEvmReorg: chainEvmReorgTopic,
  chainSolanaTx: chainSolanaTxTopic,
  unlockAchieved: unlockAchievedTopic,
  unlockRevoked: unlockRevokedTopic,
  profileUpdated: profileUpdatedTopic,
  oracleSentiment: oracleSentimentTopic,
  oracleSettlement: oracleSettlementTopic,
  oracleInterpretation: oracleInterpretationTopic,
  alertsRaw: alertsRawTopic,
  alertsNotification: alertsNotificationTopic,
} as const;

const byName = new Map<string, TopicDefinition>(Object.values(topics).map((t) => [t.name, t]));

/** Looks a topic up by its name; undefined for names the registry does not know. */
export function findTopic(name: string): TopicDefinition | undefined {
  return byName.get(name);
}

export function allTopics(): TopicDefinition[] {
  return [...byName.values()];
}
