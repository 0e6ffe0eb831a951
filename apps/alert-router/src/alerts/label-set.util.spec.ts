import {
  isLabelSetBefore,
  isValidLabelName,
  labelNamesOf,
  labelSetString,
  labelValueOf,
} from './label-set.util';

describe(labelValueOf.name, () => {
  it('reads a missing label as the empty string', () => {
    expect(labelValueOf({ job: 'api' }, 'instance')).toBe('');
  });

  it('does not read inherited object properties as labels', () => {
    expect(labelValueOf({}, 'constructor')).toBe('');
    expect(labelValueOf({}, 'toString')).toBe('');
  });
});

describe(labelNamesOf.name, () => {
  it('sorts names in byte order', () => {
    expect(labelNamesOf({ job: '1', Zone: '2', alertname: '3', _x: '4' })).toEqual([
      'Zone',
      '_x',
      'alertname',
      'job',
    ]);
  });
});

describe(labelSetString.name, () => {
  it('matches prometheus/common TestUnmarshalJSONLabelSet: sorted, comma-space separated, quoted', () => {
    expect(labelSetString({ monitor: 'codelab', foo: 'bar', foo2: 'bar' })).toBe(
      '{foo="bar", foo2="bar", monitor="codelab"}',
    );
  });

  it('writes the empty label set as {}', () => {
    expect(labelSetString({})).toBe('{}');
  });

  it('quotes values like Go %q', () => {
    expect(labelSetString({ msg: 'a "b"\n' })).toBe('{msg="a \\"b\\"\\n"}');
  });
});

describe(isLabelSetBefore.name, () => {
  it('puts the label set with fewer labels first', () => {
    expect(isLabelSetBefore({ z: 'z' }, { a: 'a', b: 'b' })).toBe(true);
    expect(isLabelSetBefore({ a: 'a', b: 'b' }, { z: 'z' })).toBe(false);
  });

  it('puts the set missing the first differing label name first', () => {
    expect(isLabelSetBefore({ a: '1', c: '1' }, { b: '1', c: '1' })).toBe(false);
    expect(isLabelSetBefore({ b: '1', c: '1' }, { a: '1', c: '1' })).toBe(true);
  });

  it('compares values of the first differing label and is false for equal sets', () => {
    expect(isLabelSetBefore({ alertname: 'an1' }, { alertname: 'an2' })).toBe(true);
    expect(isLabelSetBefore({ alertname: 'an2' }, { alertname: 'an1' })).toBe(false);
    expect(isLabelSetBefore({ alertname: 'an1' }, { alertname: 'an1' })).toBe(false);
  });
});

describe(isValidLabelName.name, () => {
  it('accepts classic label names and rejects a leading digit, dashes, colons and the empty name', () => {
    expect(['alertname', '_x', 'A9_b'].every(isValidLabelName)).toBe(true);
    expect(['00', '-invalid-', 'a:b', '', 'é'].some(isValidLabelName)).toBe(false);
  });
});
