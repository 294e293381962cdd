import { describe, expect, it } from 'vitest';
import { originalText, scoreReport, total, type Equivalent, type ReportMutant } from '../../scripts/mutation/score';

const source = ['export function f(a: number) {', '  if (a > 1 && a < 5) return true;', '  return false;', '}'].join(
  '\n',
);
let id = 0;
const mutant = (
  status: string,
  mutatorName: string,
  replacement: string,
  start: [number, number],
  end: [number, number],
): ReportMutant => ({
  id: String(++id),
  mutatorName,
  replacement,
  status,
  location: { start: { line: start[0], column: start[1] }, end: { line: end[0], column: end[1] } },
});
const eq = (over: Partial<Equivalent>): Equivalent => ({
  file: 'f.ts',
  mutator: 'EqualityOperator',
  line: 'if (a > 1 && a < 5) return true;',
  original: 'a > 1',
  replacement: 'a >= 1',
  reason: 'because',
  ...over,
});

describe('the mutation score npm run mutate prints', () => {
  it('reads the mutated text at a report location (1-based lines and columns)', () => {
    expect(originalText(source, { start: { line: 2, column: 7 }, end: { line: 2, column: 12 } })).toBe('a > 1');
    expect(originalText(source, { start: { line: 1, column: 30 }, end: { line: 4, column: 2 } })).toBe(
      source.slice(source.indexOf('{')),
    );
  });

  it('counts detected over all but equivalent and invalid mutants; an equivalent entry matches only its own mutant', () => {
    const report = {
      files: {
        'f.ts': {
          source,
          mutants: [
            mutant('Killed', 'ConditionalExpression', 'true', [2, 7], [2, 21]),
            mutant('Timeout', 'BlockStatement', '{}', [1, 30], [4, 2]),
            mutant('Survived', 'EqualityOperator', 'a >= 1', [2, 7], [2, 12]),
            mutant('Survived', 'EqualityOperator', 'a <= 5', [2, 16], [2, 21]),
            mutant('NoCoverage', 'BooleanLiteral', 'true', [3, 10], [3, 15]),
            mutant('CompileError', 'BooleanLiteral', 'false', [2, 30], [2, 34]),
            mutant('Ignored', 'BooleanLiteral', 'false', [2, 30], [2, 34]),
          ],
        },
      },
    };
    const stale = eq({ original: 'a < 5', replacement: 'a >= 5' });
    const elsewhere = eq({ file: 'other.ts' });
    const { files, stale: unmatched } = scoreReport(report, [eq({}), stale, elsewhere]);
    expect(files).toEqual([
      expect.objectContaining({
        file: 'f.ts',
        killed: 1,
        timeout: 1,
        survived: 1,
        noCoverage: 1,
        equivalent: 1,
        invalid: 1,
        score: 50,
      }),
    ]);
    expect(files[0]!.undetected).toEqual([
      { line: 2, mutator: 'EqualityOperator', original: 'a < 5', replacement: 'a <= 5', status: 'Survived' },
      { line: 3, mutator: 'BooleanLiteral', original: 'false', replacement: 'true', status: 'NoCoverage' },
    ]);
    // A stale entry is reported; one for a file this run did not mutate is not.
    expect(unmatched).toEqual([stale]);
    expect(total(files)).toEqual({ detected: 2, undetected: 2, equivalent: 1, invalid: 1, score: 50 });
    expect(total([]).score).toBeNull();
  });
});
