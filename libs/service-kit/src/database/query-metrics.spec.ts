import { operationOf } from './query-metrics';

describe('operationOf', () => {
  it('names a statement by its first keyword, whatever its case and leading space', () => {
    expect(operationOf('SELECT 1')).toBe('SELECT');
    expect(operationOf('  insert into t values ($1)')).toBe('INSERT');
    expect(operationOf('\n\tWITH x AS (SELECT 1) UPDATE t SET a = 1')).toBe('WITH');
    expect(operationOf('COMMIT')).toBe('COMMIT');
  });

  it('keeps the label small: anything else is OTHER', () => {
    expect(operationOf('CREATE TABLE t (a int)')).toBe('OTHER');
    expect(operationOf('LISTEN outbox')).toBe('OTHER');
    expect(operationOf('')).toBe('OTHER');
    expect(operationOf('-- comment\nSELECT 1')).toBe('OTHER');
  });
});
