import { type SchemaBackup, countMismatches } from './backup-manifest.schema';

const schemas: SchemaBackup[] = [
  {
    name: 'oracle',
    file: 'oracle.dump',
    bytes: 1,
    sha256: '0'.repeat(64),
    tables: [
      { table: 'markets', rows: 3 },
      { table: 'opinions', rows: 0 },
    ],
  },
];

describe(countMismatches.name, () => {
  it('finds nothing when every table has its rows', () => {
    const actual = new Map([
      [
        'oracle',
        new Map([
          ['markets', 3],
          ['opinions', 0],
          ['extra', 9],
        ]),
      ],
    ]);
    expect(countMismatches(schemas, actual)).toEqual([]);
  });

  it('reports a table with other rows and a table that is gone', () => {
    const actual = new Map([['oracle', new Map([['markets', 2]])]]);
    expect(countMismatches(schemas, actual)).toEqual([
      { schema: 'oracle', table: 'markets', expected: 3, actual: 2 },
      { schema: 'oracle', table: 'opinions', expected: 0, actual: 'missing' },
    ]);
  });
});
