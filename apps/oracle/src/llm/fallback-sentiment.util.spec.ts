import { fallbackSentiment, lexiconScore } from './fallback-sentiment.util';

describe(fallbackSentiment.name, () => {
  it('scores from the word list, weighted by stake', () => {
    const result = fallbackSentiment({
      statement: 's',
      opinions: [
        { staker: '0x1', stake: '3', text: 'Yes, bullish' },
        { staker: '0x2', stake: '1', text: 'No, bearish' },
      ],
    });
    expect(result.score).toBe(75);
    expect(result.confidence).toBe(1);
    expect(result.summary).toContain('leans towards yes');
  });

  it('gives the same answer for the same crowd in any order', () => {
    const opinions = [
      { staker: '0x1', stake: '10', text: 'will climb' },
      { staker: '0x2', stake: '5', text: 'unsure' },
    ];
    expect(fallbackSentiment({ statement: 's', opinions })).toEqual(
      fallbackSentiment({ statement: 's', opinions: [...opinions].reverse() }),
    );
  });

  it('is undecided with zero confidence when nobody wrote anything', () => {
    expect(fallbackSentiment({ statement: 's', opinions: [] })).toMatchObject({ score: 50, confidence: 0 });
  });

  it('reads an opinion with no signal words as undecided', () => {
    expect(lexiconScore('the weather is nice')).toBe(50);
    expect(lexiconScore("won't happen, never")).toBe(0);
  });
});
