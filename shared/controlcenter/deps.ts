import { type AccessTokens, authGuards } from '../auth';
import { featureDeps, type FeatureDeps, type Platform } from '../feature-deps';
import type { Tx } from '../outbox';
import type { ReportRow } from '../sessions';

/** What a feature above the control center does when an operator acts (handed in by the composition). */
export interface ControlCenterHooks {
  /** A report was closed (actioned or dismissed), in the review's transaction: a legal hold may lift (SPEC §14). */
  onReportClosed?: (t: Tx, report: ReportRow, now: Date) => Promise<void>;
}

/** What the control-center use cases need; `tokens` so a revocation applies on this instance at once. */
export interface ControlCenterDeps extends FeatureDeps, ControlCenterHooks {
  tokens: AccessTokens;
  /** A session an operator ended freed its mitra (the function's composition offers it waiting requests). */
  onMitraFreed?: (t: Tx, mitraId: string, now: Date) => Promise<void>;
}

export function controlCenterDeps(rt: Platform, hooks: ControlCenterHooks = {}): ControlCenterDeps {
  return { ...featureDeps(rt), tokens: authGuards(rt).accessTokens, ...hooks };
}
