import { renderTable } from './text-table.util';

describe(renderTable.name, () => {
  it('pads every column to its widest cell and rules the header', () => {
    expect(
      renderTable(
        ['service', 'ready', 'note'],
        [
          ['oracle', 'up', ''],
          ['chain-indexer', 'down', 'ECONNREFUSED'],
        ],
      ),
    ).toBe(
      [
        'service        ready  note',
        '-------------  -----  ------------',
        'oracle         up',
        'chain-indexer  down   ECONNREFUSED',
      ].join('\n'),
    );
  });

  it('prints only the header when there are no rows', () => {
    expect(renderTable(['id'], [])).toBe('id\n--');
  });
});
