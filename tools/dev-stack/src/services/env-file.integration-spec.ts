import { parseEnvFile } from './env-file';

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, quotes, export prefixes and comments', () => {
    const text = [
      '# comment',
      'PLAIN=value',
      'export EXPORTED=yes',
      'SPACED = padded  # trailing comment',
      'DOUBLE="two words\\nnext line"',
      "SINGLE='kept # as is'",
      'EMPTY=',
      'URL=postgres://u:p@h:5432/db?sslmode=disable',
      'not a line',
    ].join('\n');
    expect(parseEnvFile(text)).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'padded',
      DOUBLE: 'two words\nnext line',
      SINGLE: 'kept # as is',
      EMPTY: '',
      URL: 'postgres://u:p@h:5432/db?sslmode=disable',
    });
  });
});
