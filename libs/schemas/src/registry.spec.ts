import { EVENT_TYPE_PATTERN } from './envelope';
import { allTopics, findTopic, topics } from './registry';

describe('topic registry', () => {
  it('holds every topic DESIGN.md names, each with a versioned name and a key description', () => {
    const names = allTopics()
      .map((t) => t.name)
      .sort();
    expect(names).toEqual(
      [
        'alerts.notification.v1',
        'alerts.raw.v1',
        'chain.evm.log.v1',
        'chain.evm.reorg.v1',
        'chain.solana.tx.v1',
        'oracle.interpretation.v1',
        'oracle.sentiment.v1',
        'oracle.settlement.v1',
        'profile.updated.v1',
        'unlock.achieved.v1',
        'unlock.revoked.v1',
      ].sort(),
    );
    for (const t of allTopics()) {
      expect(t.name).toMatch(EVENT_TYPE_PATTERN);
      expect(t.keyDescription.length).toBeGreaterThan(0);
    }
  });

  it('finds topics by name and nothing for unknown names', () => {
    expect(findTopic('unlock.achieved.v1')).toBe(topics.unlockAchieved);
    expect(findTopic('unlock.achieved.v9')).toBeUndefined();
  });
});
