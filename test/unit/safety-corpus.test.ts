import { describe, expect, it } from 'vitest';
import { defaultConfig, type SafetyCategory } from '../../shared/config';
import { screenText } from '../../shared/safety/screen';
import { CONTACT_NEGATIVE, CONTACT_POSITIVE } from './safety-corpus/contact-info';
import { SELF_HARM_NEGATIVE, SELF_HARM_POSITIVE } from './safety-corpus/self-harm';

const rules = defaultConfig().safety_rules;
const hit = (text: string, category: SafetyCategory) => screenText(text, rules).some((h) => h.category === category);

/** Recall = caught positives / positives; precision = caught positives / everything caught. */
function measure(category: SafetyCategory, positives: readonly string[], negatives: readonly string[]) {
  const missed = positives.filter((t) => !hit(t, category));
  const falseHits = negatives.filter((t) => hit(t, category));
  const tp = positives.length - missed.length;
  const recall = tp / positives.length;
  const precision = tp / (tp + falseHits.length);
  console.log(
    `${category}: ${positives.length} positive, ${negatives.length} negative; recall ${(recall * 100).toFixed(1)} %, precision ${(precision * 100).toFixed(1)} %`,
  );
  return { missed, falseHits, recall, precision };
}

describe('the shipped screening rules over the corpus (SPEC §15)', () => {
  it('holds at least 40 positive and 40 negative Indonesian examples per category', () => {
    for (const list of [SELF_HARM_POSITIVE, SELF_HARM_NEGATIVE, CONTACT_POSITIVE, CONTACT_NEGATIVE])
      expect(list.length).toBeGreaterThanOrEqual(40);
  });

  it('self_harm: catches every positive and no negative', () => {
    const m = measure('self_harm', SELF_HARM_POSITIVE, SELF_HARM_NEGATIVE);
    expect(m.missed).toEqual([]);
    expect(m.falseHits).toEqual([]);
  });

  it('contact_info: catches every positive and no negative', () => {
    const m = measure('contact_info', CONTACT_POSITIVE, CONTACT_NEGATIVE);
    expect(m.missed).toEqual([]);
    expect(m.falseHits).toEqual([]);
  });

  it('keeps the categories apart: no self-harm positive is contact info, and the other way round', () => {
    expect(SELF_HARM_POSITIVE.filter((t) => hit(t, 'contact_info'))).toEqual([]);
    expect(CONTACT_POSITIVE.filter((t) => hit(t, 'self_harm'))).toEqual([]);
  });
});
