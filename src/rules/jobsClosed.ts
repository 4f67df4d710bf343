import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across, fromItems } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import { companiesToClose } from '../model/facts.js'
import type { CompanyScope } from '../model/Scope.js'

/** @category model @since 0.1.0 */
export interface JobOpen extends BlockerBase {
  /** The job id. */
  readonly subject: string
  readonly _tag: 'JobOpen'
  readonly rule: 'jobs-closed'
  readonly scope: CompanyScope
  readonly jobId: string
}
/** @category model @since 0.1.0 */
export interface CloseJob extends StepBase {
  readonly _tag: 'CloseJob'
  readonly kind: 'remedy'
  readonly subject: string
  readonly scope: CompanyScope
  readonly jobId: string
}

/** @internal */
export const jobOpen = /*#__PURE__*/ blockerOf({
  tag: 'JobOpen',
  rule: 'jobs-closed',
  words: (b: JobOpen, f) => `Job ${b.jobId} of ${f.scope(b.scope)} is still open.`,
})

// (one frozen list for every step: settling a frozen list met before is a lookup, not a walk per step)
const RESOLVES: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['jobs-closed'])

/** @category constructors @since 0.1.0 */
export const closeJob = /*#__PURE__*/ withDefinition(
  (scope: CompanyScope, jobId: string): CloseJob => ({ _tag: 'CloseJob', kind: 'remedy', resolves: RESOLVES, scope, subject: jobId, jobId }),
  { tag: 'CloseJob', kind: 'remedy', words: (s: CloseJob, f) => `Close job ${s.jobId} of ${f.scope(s.scope)}.` },
)

/** What `jobs-closed` checks: the part of {@link jobsClosed} that `canClose` runs (see `RuleCheck`). @internal */
export const jobsClosedCheck = ruleCheck({
  id: 'jobs-closed',
  paths: ['CloseAccount'],
  tags: ['JobOpen'],
  check: across(companiesToClose)(
    fromItems(
      (f) => f.jobs,
      (j, f): JobOpen | undefined =>
        j.status === 'open' ? { _tag: 'JobOpen', rule: 'jobs-closed', scope: f.scope, subject: j.id, jobId: j.id } : undefined,
    ),
  ),
})

/**
 * `jobs-closed`: a blocker for each open job of a company being closed.
 *
 * @category rules
 * @since 0.1.0
 */
export const jobsClosed = /*#__PURE__*/ ruleFrom(jobsClosedCheck, {
  rank: 8,
  blockers: [jobOpen],
  steps: [closeJob],
  clear: (b) => [closeJob(b.scope, b.jobId)],
})
