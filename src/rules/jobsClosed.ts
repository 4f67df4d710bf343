import type { CompanyFacts } from './facts.js'
import type { JobOpen } from './Blocker.js'
import { each } from './Precondition.js'
import type { Precondition } from './Precondition.js'

/**
 * `jobs-closed`: a blocker for each open job of a company.
 *
 * @category rules
 * @since 0.1.0
 */
export const jobsClosed: Precondition<Pick<CompanyFacts, 'scope' | 'jobs'>, JobOpen> = each(
  (f) => f.jobs,
  (j, f) => (j.status === 'open' ? { _tag: 'JobOpen', rule: 'jobs-closed', scope: f.scope, jobId: j.id } : undefined),
)
