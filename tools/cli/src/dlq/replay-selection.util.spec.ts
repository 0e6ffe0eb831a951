import { CliError } from '../cli.exception';
import { replaySelectionOf } from './replay-selection.util';

describe(replaySelectionOf.name, () => {
  it('asks for every dead letter with --all', () => {
    expect(replaySelectionOf({ all: true })).toEqual({ all: true });
  });

  it('asks for chosen offsets of one partition, without duplicates', () => {
    expect(replaySelectionOf({ partition: '2', offsets: '3, 7,3' })).toEqual({
      partition: 2,
      offsets: ['3', '7'],
    });
  });

  it.each([
    [{}, 'say what to replay'],
    [{ all: true, partition: '0', offsets: '1' }, 'not both'],
    [{ partition: '0' }, 'say what to replay'],
    [{ partition: 'x', offsets: '1' }, '--partition must be a partition number'],
    [{ partition: '0', offsets: '1,a' }, 'not offsets: a'],
  ])('refuses %j', (options, message) => {
    expect(() => replaySelectionOf(options)).toThrow(CliError);
    expect(() => replaySelectionOf(options)).toThrow(message);
  });
});
