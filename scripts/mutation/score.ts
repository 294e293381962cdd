/** The parts of Stryker's JSON report (mutation-testing-report-schema) the score is computed from. */
export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/**
 * A surviving mutant judged equivalent, named without line numbers (they move): its file, its mutator,
 * the source line it starts on, the text it mutates and what replaces it.
 */
export interface Equivalent {
  file: string;
  mutator: string;
  line: string;
  original: string;
  replacement: string;
  reason: string;
}

export interface FileScore {
  file: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  equivalent: number;
  /** Mutants that could not run (compile or runtime errors outside the tests): out of the score, as Stryker does. */
  invalid: number;
  /** Killed (or timed out) over every mutant that ran or should have, equivalent ones left out; null when none. */
  score: number | null;
  undetected: Array<{ line: number; mutator: string; original: string; replacement: string; status: string }>;
}

/** The mutated source text at a report location (lines and columns are 1-based). */
export function originalText(source: string, loc: ReportMutant['location']): string {
  const lines = source.split('\n');
  const offset = (p: { line: number; column: number }) =>
    lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return source.slice(offset(loc.start), offset(loc.end));
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const lineOf = (source: string, m: ReportMutant) => source.split('\n')[m.location.start.line - 1] ?? '';

const matches = (e: Equivalent, file: string, m: ReportMutant, line: string, original: string) =>
  e.file === file &&
  e.mutator === m.mutatorName &&
  oneLine(e.replacement) === oneLine(m.replacement ?? '') &&
  oneLine(e.line) === oneLine(line) &&
  oneLine(e.original) === oneLine(original);

const ratio = (detected: number, total: number) => (total === 0 ? null : (100 * detected) / total);

/** Per-file scores, and the equivalent entries that matched no surviving mutant (stale after a change). */
export function scoreReport(report: MutationReport, equivalent: Equivalent[]) {
  const used = new Set<Equivalent>();
  const files: FileScore[] = Object.entries(report.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, { source, mutants }]) => {
      const s: FileScore = {
        file,
        killed: 0,
        timeout: 0,
        survived: 0,
        noCoverage: 0,
        equivalent: 0,
        invalid: 0,
        score: null,
        undetected: [],
      };
      for (const m of mutants) {
        if (m.status === 'Killed') s.killed++;
        else if (m.status === 'Timeout') s.timeout++;
        else if (m.status === 'Survived' || m.status === 'NoCoverage') {
          const original = originalText(source, m.location);
          const eq = equivalent.find((e) => matches(e, file, m, lineOf(source, m), original));
          if (eq) {
            used.add(eq);
            s.equivalent++;
          } else {
            if (m.status === 'Survived') s.survived++;
            else s.noCoverage++;
            const [replacement, text] = [oneLine(m.replacement ?? ''), oneLine(original)];
            s.undetected.push({
              line: m.location.start.line,
              mutator: m.mutatorName,
              original: text,
              replacement,
              status: m.status,
            });
          }
        } else if (m.status !== 'Ignored') s.invalid++;
      }
      s.score = ratio(s.killed + s.timeout, s.killed + s.timeout + s.survived + s.noCoverage);
      return s;
    });
  const stale = equivalent.filter((e) => report.files[e.file] && !used.has(e));
  return { files, stale };
}

export function total(files: FileScore[]) {
  const sum = (k: 'killed' | 'timeout' | 'survived' | 'noCoverage' | 'equivalent' | 'invalid') =>
    files.reduce((n, f) => n + f[k], 0);
  const detected = sum('killed') + sum('timeout');
  return {
    detected,
    undetected: sum('survived') + sum('noCoverage'),
    equivalent: sum('equivalent'),
    invalid: sum('invalid'),
    score: ratio(detected, detected + sum('survived') + sum('noCoverage')),
  };
}
