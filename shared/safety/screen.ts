import type { SafetyCategory, SafetyRule } from '../config';
import { normalise } from './normalise';

export interface SafetyHit {
  category: SafetyCategory;
  rule_id: string;
}

type Compiled = Array<{ rule: SafetyRule; re: RegExp }>;

/** Rules compile once per config value (the reader hands out the same array until the config changes). */
const compiled = new WeakMap<readonly SafetyRule[], Compiled>();

function compile(rules: readonly SafetyRule[]): Compiled {
  let c = compiled.get(rules);
  if (!c) compiled.set(rules, (c = rules.map((rule) => ({ rule, re: new RegExp(rule.pattern) }))));
  return c;
}

/** At most one hit per category: the first of its rules, in order, that matches its form of the text. */
export function screenText(body: string, rules: readonly SafetyRule[]): SafetyHit[] {
  const forms = normalise(body);
  const hits = new Map<SafetyCategory, string>();
  for (const { rule, re } of compile(rules)) {
    if (!hits.has(rule.category) && re.test(forms[rule.form])) hits.set(rule.category, rule.id);
  }
  return [...hits].map(([category, rule_id]) => ({ category, rule_id }));
}
