import { closeJob } from '../plan/Step.js'
import type { CloseJob } from '../plan/Step.js'
import type { JobOpen } from './Blocker.js'
import { companiesToClose } from './facts.js'
import { across, fromItems } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `jobs-closed`: a blocker for each open job of a company being closed.
 *
 * @category rules
 * @since 0.1.0
 */
export const jobsClosed = defineRule<JobOpen, CloseJob>({
  id: 'jobs-closed',
  paths: ['CloseAccount'],
  check: across(companiesToClose)(
    fromItems(
      (f) => f.jobs,
      (j, f): JobOpen | undefined =>
        j.status === 'open' ? { _tag: 'JobOpen', rule: 'jobs-closed', scope: f.scope, subject: j.id, jobId: j.id } : undefined,
    ),
  ),
  clear: (b) => [closeJob(b.scope, b.jobId)],
  messages: { JobOpen: (b, f) => `Job ${b.jobId} of ${f.scope(b.scope)} is still open.` },
})
