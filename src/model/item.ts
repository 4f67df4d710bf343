/**
 * What a blocker or a step is about, for ordering: the id of its item, read from the first field
 * of a known name that holds a string. Blockers and steps name their item in one field each.
 *
 * @internal
 */
const ITEM_FIELDS = [
  'contractId',
  'proposalId',
  'paymentId',
  'jobId',
  'userId',
  'disputeId',
  'agencyId',
  'subscriptionId',
  'billingMethodId',
  'id',
] as const

/**
 * The id of the item a blocker or step is about, or `''`.
 *
 * @internal
 */
export const itemKey = (x: object): string => {
  const r = x as Readonly<Record<string, unknown>>
  for (const k of ITEM_FIELDS) {
    const v = r[k]
    if (typeof v === 'string') return v
  }
  return ''
}

/**
 * Orders strings by code unit, as `<` does.
 *
 * @internal
 */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
