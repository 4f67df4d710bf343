/**
 * What the user reads: whose steps they are, when the earliest instant may move, the sources'
 * own words, instants rounded toward "blocked" and shown in the user's time zone, and the
 * alternatives to closing.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { plain, report } from '../src/cli/report.js'
import {
  agencyTarget,
  alternatives,
  canClose,
  closureSteps,
  decodeSnapshot,
  earliestClosableAt,
  en,
  formatIn,
  parseInstant,
  verdict,
} from '../src/index.js'
import type { AccountSnapshot, Catalogue, CatalogueFor, defaultRules, Instant } from '../src/index.js'
import type { SnapshotJson } from './arbitraries.js'
import { snapshotWithTarget } from './arbitraries.js'
import { example, exampleJson } from './fixtures.js'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'

const decoded = (json: unknown): AccountSnapshot => {
  const d = decodeSnapshot(json)
  if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
  return d.right
}
const at = (iso: string): Instant => parseInstant(iso) as Instant
const tags = (steps: ReadonlyArray<{ readonly _tag: string }>) => steps.map((s) => s._tag)

describe('whose steps they are', () => {
  it('a non-owner closing an agency gets ContactOwner and the account-wide remedies, no procedure, no consequences', () => {
    const s = exampleJson('agency-admin') as SnapshotJson
    s.user.securityQuestionSet = false
    const v = verdict(decoded(s), agencyTarget('ag-2'))
    expect(tags(v.steps)).toEqual(['SetSecurityQuestion', 'ContactOwner'])
    expect(v.consequences).toEqual([])
    expect(v.alternatives).toEqual([])
  })
  it('the owner closing an agency gets the procedure with its own button', () => {
    const steps = closureSteps(example('agency-owner'), agencyTarget('ag-1'))
    expect(tags(steps).slice(-4)).toEqual(['Navigate', 'ChooseClose', 'AnswerSecurityQuestion', 'Confirm'])
    expect(verdict(example('agency-owner'), agencyTarget('ag-1')).steps.map((x) => x.message)).toContain('Choose "Close my agency".')
  })
  it('a plain member’s plan is the ContactAdmin, with no bare Navigate to My Teams', () => {
    const steps = closureSteps(example('plain-member'))
    expect(tags(steps)).not.toContain('Navigate')
    expect(tags(steps)).toContain('ContactAdmin')
    expect(tags(closureSteps(example('team-admin'))).slice(-3)).toEqual(['Navigate', 'LeaveTeam', 'LeaveTeam'])
  })
  it('on LeaveTeams the report says the last team left closes the account', () => {
    expect(report(verdict(example('plain-member')), plain)).toContain('The account closes when you leave your last team, or are removed from it.')
    expect(report(verdict(example('busy-freelancer')), plain)).not.toContain('last team')
  })
})

describe('when the earliest instant may move', () => {
  it('ending contracts or resolving a dispute: earliestAtMayMove, and the report says "at the earliest" and why', () => {
    const v = verdict(example('busy-freelancer'))
    expect(v.earliestAtMayMove).toBe(true)
    const text = report(v, plain)
    expect(text).toContain('Earliest possible: 2026-11-25 00:00 UTC at the earliest')
    // the report says exactly the words of the rules that may move the date
    expect(text).toContain('it may move later: Ending a contract can bring a payment to wait for.')
    const disputed = exampleJson('busy-freelancer') as SnapshotJson
    disputed.disputes = [{ id: 'd-1', status: 'open' }]
    expect(report(verdict(decoded(disputed)), plain)).toContain(
      'it may move later: A dispute takes the time it takes. Ending a contract can bring a payment to wait for.',
    )
  })
  it('nothing to end or resolve: a firm date', () => {
    const s = exampleJson('busy-freelancer') as SnapshotJson
    if (s.freelancer !== null) s.freelancer.contracts = []
    const v = verdict(decoded(s))
    expect(v.earliestAtMayMove).toBe(false)
    expect(v.mayMoveBecause).toEqual([])
    expect(report(v, plain)).toContain('Earliest possible: 2026-11-25 00:00 UTC, once the steps below are done.')
  })
  it('an unknown agency is "never", not someone else’s to clear', () => {
    const v = verdict(example('agency-owner'), agencyTarget('ag-404'))
    expect(v.blockers[0]?.message).toBe('There is no agency ag-404 in this account.')
    expect(report(v, plain)).toContain('Earliest possible: never')
    expect(report(v, plain)).not.toContain('someone else')
  })
})

describe('instants shown to a person round toward blocked', () => {
  it('a payment available at 10:59:59 is shown at 11:00; asOf 10:00:59 is shown at 10:00', () => {
    const s = exampleJson('closable-freelancer') as SnapshotJson
    s.asOf = '2026-11-18T10:00:59Z'
    s.freelancer?.earnings.pending.push({ id: 'pay-9', amount: { amount: 100, currency: 'USD' }, availableAt: '2026-11-18T10:59:59Z' })
    const v = verdict(decoded(s))
    expect(v.steps.find((x) => x._tag === 'WaitUntil')?.message).toBe('Wait until 2026-11-18 11:00 UTC: payment pay-9 becomes available.')
    expect(report(v, plain)).toContain('As of 2026-11-18 10:00 UTC.')
  })
  it('a payment due a millisecond after asOf is not shown as the same minute', () => {
    const f = formatIn()
    expect(f.instant(at('2026-11-18T10:00:00.001Z'))).toBe('2026-11-18 10:01 UTC')
    expect(f.asOf(at('2026-11-18T10:00:00.001Z'))).toBe('2026-11-18 10:00 UTC')
    expect(f.instant(at('2026-11-18T10:00:00Z'))).toBe('2026-11-18 10:00 UTC')
  })
  test.prop([snapshotWithTarget(), fc.constantFrom('UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata')])(
    'the report never shows a wait earlier than the instant it stands for',
    ([s, t], zone) => {
      const v = verdict(s, t, { timeZone: zone })
      for (const step of v.steps)
        if (step._tag === 'WaitUntil') {
          const shown = formatIn(zone).instant(at(step.at))
          expect(step.message).toContain(shown)
          if (zone === 'UTC') expect(Date.parse(`${shown.slice(0, 10)}T${shown.slice(11, 16)}:00Z`)).toBeGreaterThanOrEqual(Date.parse(step.at))
        }
      const text = report(v, plain, zone)
      if (zone === 'UTC')
        for (const m of text.matchAll(/Wait until (\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC/g)) {
          const shown = Date.parse(`${m[1] ?? ''}T${m[2] ?? ''}:00Z`)
          expect(v.steps.some((x) => x._tag === 'WaitUntil' && shown >= Date.parse(x.at) && shown - Date.parse(x.at) < 60_000)).toBe(true)
        }
    },
  )
})

describe('the sources’ own words', () => {
  const stepWords = verdict(example('everything')).steps.map((x) => x.message)
  const closedWords = (s: AccountSnapshot) => verdict(s).consequences.map((c) => c.message)
  it('PayBalance mentions hourly invoices only when hourly work is involved', () => {
    const s = exampleJson('client-owner-mid-week') as SnapshotJson
    const company = s.companies[0]
    if (company === undefined) throw new Error('no company')
    company.contracts = company.contracts.filter((c) => c.type === 'fixed')
    const fixedOnly = verdict(decoded(s)).steps.find((x) => x._tag === 'PayBalance')?.message
    expect(fixedOnly).toBe('Pay the outstanding balance of Acme.')
    expect(verdict(example('client-owner-mid-week')).steps.find((x) => x._tag === 'PayBalance')?.message).toContain('last invoice of hourly work')
  })
  it('the freelancer route names the older one; the button is named', () => {
    expect(stepWords).toContain('Go to Settings › Account management and control. (Older guides call it Settings › Contact Info.)')
    expect(stepWords).toContain('Choose "Close account".')
  })
  it('withdrawals are made under Get Paid; personal details name the full name; the email may not come', () => {
    expect(stepWords.some((m) => m.startsWith('Withdraw the available funds') && m.includes('Get Paid'))).toBe(true)
    expect(stepWords).toContain('Remove personal details you do not want kept (full name, address, phone number).')
    expect(stepWords).toContain('Open the verification email, if one is sent, and follow its link.')
  })
  it('ending a freelancer’s active contract: tell the client and agree on next steps', () => {
    const end = verdict(example('busy-freelancer')).steps.find((x) => x._tag === 'EndContract' && x.status === 'active' && x.scope._tag === 'Freelancer')
    expect(end?.message).toMatch(/Tell the client first and agree on the next steps\.$/)
  })
  it('a missing security question mentions that support helps with a forgotten answer', () => {
    const v = verdict(example('busy-freelancer'))
    expect(v.blockers[0]?.message).toContain('support can help')
    expect(v.steps[0]?.message).toContain('support can help')
  })
  it('what closing loses, and what closing an agency keeps', () => {
    expect(closedWords(example('busy-freelancer'))[0]).toContain('profile, work history, feedback, ongoing contracts and proposals')
    expect(verdict(example('agency-owner'), agencyTarget('ag-1')).consequences.map((c) => c.message)).toContain(
      'Your freelancer profile and your client account stay, no longer tied to the agency.',
    )
  })
})

describe('alternatives to closing', () => {
  it('keep the account when a freelancer belongs to a company; deactivate; talk to support', () => {
    expect(alternatives(example('everything')).map((a) => a._tag)).toEqual(['KeepUnusedProfile', 'Deactivate', 'TalkToSupport'])
    expect(alternatives(example('busy-freelancer')).map((a) => a._tag)).toEqual(['Deactivate', 'TalkToSupport'])
    expect(alternatives(example('team-admin')).map((a) => a._tag)).toEqual(['Deactivate', 'TalkToSupport'])
  })
  it('no TalkToSupport when the plan already contacts support; none when closing an agency', () => {
    expect(alternatives(example('suspended')).map((a) => a._tag)).not.toContain('TalkToSupport')
    expect(alternatives(example('agency-owner'), agencyTarget('ag-1'))).toEqual([])
  })
  it('the verdict holds them with messages, and the report shows them before the blockers', () => {
    const v = verdict(example('everything'))
    expect(v.alternatives.map((a) => a.message)).toEqual([
      en.KeepUnusedProfile({ _tag: 'KeepUnusedProfile' }, formatIn()),
      en.Deactivate({ _tag: 'Deactivate' }, formatIn()),
      en.TalkToSupport({ _tag: 'TalkToSupport' }, formatIn()),
    ])
    const text = report(v, plain)
    expect(text.indexOf('Before you decide')).toBeGreaterThan(0)
    expect(text.indexOf('Before you decide')).toBeLessThan(text.indexOf('Blockers'))
  })
  test.prop([snapshotWithTarget()])('change neither closable, the plan nor earliestAt: without them, the verdict is what the rest says', ([s, t]) => {
    const { alternatives: alts, ...rest } = verdict(s, t)
    expect(alts.length).toBeLessThanOrEqual(3)
    const words: Catalogue = { ...en, KeepUnusedProfile: () => 'k', Deactivate: () => 'd', TalkToSupport: () => 't' }
    const { alternatives: other, ...same } = verdict(s, t, { catalogue: words })
    expect(same).toEqual(rest)
    expect(other.map((a) => a._tag)).toEqual(alts.map((a) => a._tag))
    expect(rest.closable).toBe(E.isRight(canClose(s, t)))
    expect(rest.steps.map((x) => x._tag)).toEqual(closureSteps(s, t).map((x) => x._tag))
    const earliest = earliestClosableAt(s, t)
    expect(rest.earliestAt).toBe(O.isSome(earliest) ? new Date(earliest.value).toISOString() : null)
  })
})

describe('time zones', () => {
  const monday = at('2026-11-23T00:00:00Z')
  it('a wait at Monday 00:00 UTC is Sunday evening in New York and Monday morning in Berlin', () => {
    expect(formatIn('America/New_York').instant(monday)).toBe('2026-11-22 19:00 America/New_York')
    expect(formatIn('Europe/Berlin').instant(monday)).toBe('2026-11-23 01:00 Europe/Berlin')
    expect(formatIn().instant(monday)).toBe('2026-11-23 00:00 UTC')
  })
  it('across a daylight-saving change (Berlin, 2026-03-29 01:00 UTC); the repeated hour shows its offset', () => {
    const berlin = formatIn('Europe/Berlin')
    expect(berlin.instant(at('2026-03-29T00:59:00Z'))).toBe('2026-03-29 01:59 Europe/Berlin')
    expect(berlin.instant(at('2026-03-29T01:00:00Z'))).toBe('2026-03-29 03:00 Europe/Berlin')
    expect(formatIn('America/New_York').instant(at('2026-11-01T06:00:00Z'))).toBe('2026-11-01 01:00 America/New_York (UTC-05:00)')
  })
  it('the verdict’s messages follow the zone; its JSON instants stay UTC', () => {
    const v = verdict(example('client-owner-mid-week'), undefined, { timeZone: 'America/New_York' })
    expect(v.earliestAt).toBe('2026-11-23T00:00:00.000Z')
    expect(v.steps.find((x) => x._tag === 'WaitUntil')?.message).toContain('2026-11-22 19:00 America/New_York')
    expect(report(v, plain, 'America/New_York')).toContain('Earliest possible: 2026-11-22 19:00 America/New_York')
  })
  it('a custom catalogue gets the zone too', () => {
    const mine: CatalogueFor<(typeof defaultRules)[number]> = { ...en, WaitUntil: (s, f) => `Warte bis ${f.instant(s.at)}.` }
    const v = verdict(example('client-owner-mid-week'), undefined, { catalogue: mine, timeZone: 'Europe/Berlin' })
    expect(v.steps.find((x) => x._tag === 'WaitUntil')?.message).toBe('Warte bis 2026-11-23 01:00 Europe/Berlin.')
  })
})

describe('names: companies and agencies as the user knows them', () => {
  it('the verdict’s words say the name; the report titles its groups by it', () => {
    const v = verdict(example('everything'))
    const words = [...v.blockers, ...v.steps, ...v.consequences].map((x) => x.message)
    expect(words).toContain('u-2 (manager) is still a member of Acme.')
    expect(words).toContain('Remove u-2 from Acme.')
    expect(words).toContain('You own the agency Studio; it has to be closed before the account.')
    expect(words).toContain('Close the agency Studio (Settings › Agency Profile).')
    expect(words).toContain('You leave the company Globex.')
    expect(words.join('\n')).not.toMatch(/\b(company co-|agency ag-)\d/)
    const text = report(v, plain, 'UTC', example('everything'))
    expect(text).toContain('  Company Acme\n')
    expect(text).toContain('  Agency Studio\n')
    expect(text).not.toMatch(/Company co-|Agency ag-/)
  })
  it('a name two companies or agencies share is followed by the id; an empty name falls back to the id', () => {
    const s = exampleJson('everything') as SnapshotJson
    for (const c of s.companies) c.name = 'Acme'
    const agency = s.agencies[0]
    if (agency === undefined) throw new Error('no agency')
    agency.name = '  '
    const v = verdict(decoded(s))
    const words = [...v.blockers, ...v.steps, ...v.consequences].map((x) => x.message)
    expect(words).toContain('Remove u-2 from Acme (co-1).')
    expect(words).toContain('You leave the company Acme (co-7).')
    expect(words).toContain('Close the agency ag-1 (Settings › Agency Profile).')
    expect(report(v, plain, 'UTC', decoded(s))).toContain('  Company Acme (co-1)\n')
  })
  it('a company and an agency that share a name are told apart by their ids', () => {
    const f = formatIn('UTC', { companies: [{ id: 'co-1', name: 'Studio' }], agencies: [{ id: 'ag-1', name: 'Studio' }, { id: 'ag-2', name: 'Works' }] })
    expect(f.scope({ _tag: 'Company', companyId: 'co-1' })).toBe('Studio (co-1)')
    expect(f.scopeWithKind({ _tag: 'Agency', agencyId: 'ag-1' })).toBe('the agency Studio (ag-1)')
    expect(f.scope({ _tag: 'Agency', agencyId: 'ag-2' })).toBe('Works')
    expect(f.scope({ _tag: 'Agency', agencyId: 'ag-9' })).toBe('agency ag-9')
    expect(formatIn().scope({ _tag: 'Company', companyId: 'co-1' })).toBe('company co-1')
  })
})

describe('the report’s headline: what applies, in words', () => {
  const first = (text: string): string => text.split('\n')[0] ?? ''
  it('the account: closable now, or blocked by how many things; no internal path name', () => {
    expect(first(report(verdict(example('closable-freelancer')), plain))).toBe('CLOSABLE  You can close your account now.')
    expect(first(report(verdict(example('busy-freelancer')), plain))).toMatch(/^BLOCKED {2}Closing your account is blocked by \d+ things\.$/)
    const one = exampleJson('closable-freelancer') as SnapshotJson
    one.user.securityQuestionSet = false
    expect(first(report(verdict(decoded(one)), plain))).toBe('BLOCKED  Closing your account is blocked by 1 thing.')
  })
  it('an agency, by its name', () => {
    const s = example('agency-owner')
    const v = verdict(s, agencyTarget('ag-1'))
    const n = v.blockers.length
    expect(first(report(v, plain, 'UTC', s))).toBe(
      v.closable ? 'CLOSABLE  You can close the agency Studio now.' : `BLOCKED  Closing the agency Studio is blocked by ${n} thing${n === 1 ? '' : 's'}.`,
    )
    expect(first(report(verdict(s, agencyTarget('ag-404')), plain, 'UTC', s))).toBe('BLOCKED  Closing the agency ag-404 is blocked by 1 thing.')
  })
  it('leaving teams says so', () => {
    expect(first(report(verdict(example('plain-member')), plain))).toMatch(/^BLOCKED {2}Closing your account by leaving your teams is blocked by \d+ things?\.$/)
  })
  it('no path name anywhere in the report', () => {
    for (const name of ['closable-freelancer', 'busy-freelancer', 'plain-member', 'everything'])
      expect(report(verdict(example(name)), plain)).not.toMatch(/\((CloseAccount|CloseAgency|LeaveTeams)\)/)
  })
})

describe('no words about disputes when there is none', () => {
  it('with no dispute, neither the verdict’s words nor the report mention one', () => {
    for (const name of ['busy-freelancer', 'client-owner-mid-week', 'agency-owner', 'plain-member', 'closable-freelancer']) {
      const s = example(name)
      if (s.disputes.length > 0) continue
      const v = verdict(s)
      expect(v.mayMoveBecause.join(' ')).not.toMatch(/dispute/i)
      expect(report(v, plain, 'UTC', s), name).not.toMatch(/dispute/i)
    }
  })
  it('the earliest-date sentence says exactly the may-move words', () => {
    const v = verdict(example('busy-freelancer'))
    const line = report(v, plain).split('\n').find((l) => l.startsWith('Earliest possible:'))
    expect(line).toBe(`Earliest possible: 2026-11-25 00:00 UTC at the earliest, once the steps below are done; it may move later: ${v.mayMoveBecause.join(' ')}`)
  })
})
