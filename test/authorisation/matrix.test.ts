import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import type { Store } from '../../src/core/store';
import { cardText } from '../support/cards';
import { seenOnCard } from '../support/seen-text';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';
import { channel, invoke, message, personal, user, type TeamsUser, type Where } from '../support/teams-activities';
import { memberOf, networkId, people, startWorld } from '../support/teams-world';
import { forum as slackForum } from '../support/slack-harness';
import { slackMember, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';
import { SLACK_TEAM, type SlackUser } from '../support/fake-slack';
import { actionFor, CARD_ACTIONS, COMMAND_BOOK, COMMANDS } from '../../src/core/registry';
import type { Who } from '../../src/core/interactions';
import type { Language } from '../../src/core/i18n/language';
import { slackSignature } from '../support/slack-signing';

/**
 * Who may do what, on both platforms: every command and card action, for a member, the owner
 * of action 1.6, the owner of other actions, a chair, an admin, and someone from another
 * network. "ok" means the act went ahead; otherwise the person gets the clear refusal shown.
 */
const ROLES = ['member', 'owner', 'otherOwner', 'chair', 'admin', 'outsider'] as const;
type Role = (typeof ROLES)[number];

type Expectation = { ok: RegExp } | { refused: RegExp };
const ok = (pattern: RegExp): Expectation => ({ ok: pattern });
const refused = (pattern: RegExp): Expectation => ({ refused: pattern });

const CHAIRS_ONLY = /Only forum chairs and admins can do that/;
const ADMINS_ONLY = /Only admins can do that/;
const OWNER_OF_16 = /Only the owner of 1\.6 .* or an admin can/;
const NO_16 = /no action 1\.6/;
const NOT_OURS = /not one of your network’s/;

/** The same refusals in Welsh: the matrix runs again with everyone speaking Welsh. */
const IN_WELSH = new Map<RegExp, RegExp>([
  [CHAIRS_ONLY, /Dim ond cadeiryddion fforwm a gweinyddwyr sy’n gallu gwneud hynny/],
  [ADMINS_ONLY, /Dim ond gweinyddwyr sy’n gallu gwneud hynny/],
  [OWNER_OF_16, /Dim ond perchennog 1\.6 .* neu weinyddwr all/],
  [NO_16, /Does dim cam gweithredu 1\.6/],
  [NOT_OURS, /Nid yw’r pwls hwnnw’n perthyn i’ch rhwydwaith chi/],
]);

function byRole(expectations: Partial<Record<Role, Expectation>>, otherwise: Expectation): Record<Role, Expectation> {
  return Object.fromEntries(ROLES.map((role) => [role, expectations[role] ?? otherwise])) as Record<Role, Expectation>;
}
const chairsOnly = (pattern: RegExp) => byRole({ chair: ok(pattern), admin: ok(pattern) }, refused(CHAIRS_ONLY));
const adminsOnly = (pattern: RegExp) => byRole({ admin: ok(pattern) }, refused(ADMINS_ONLY));
const ownerOf16 = (pattern: RegExp) =>
  byRole({ owner: ok(pattern), admin: ok(pattern), outsider: refused(NO_16) }, refused(OWNER_OF_16));

/** What the matrix needs from a platform: saying a command and pressing a card action as a role. */
interface Platform {
  name: string;
  store: Store;
  networkId: string;
  roundId: string;
  /** A second open round, answered by the member alone (for the alias row). */
  aliasRoundId: string;
  say(role: Role, text: string, inForum?: boolean): Promise<string>;
  press(role: Role, verb: string, data: Record<string, unknown>): Promise<string>;
  memberId(role: Exclude<Role, 'outsider'>): Promise<string>;
  close(): Promise<void>;
}

interface Row {
  act: string;
  /** The command or card verb this row tries. */
  covers: string;
  expect: Record<Role, Expectation>;
  run(platform: Platform, role: Role): Promise<string>;
}

const say = (text: string, inForum = false) => (p: Platform, role: Role) => p.say(role, text, inForum);

/** Who may, as the definition of the command or button says: everyone, chairs (and admins) or admins. */
function asDefined(who: Who, pattern: RegExp): Record<Role, Expectation> {
  if (who === 'chairs') return chairsOnly(pattern);
  if (who === 'admins') return adminsOnly(pattern);
  return byRole({}, ok(pattern));
}
const commandNamed = (text: string) => COMMAND_BOOK.parse(text).command!;
/** A typed command, expected to work for whoever its definition allows. */
const typed = (text: string, pattern: RegExp, inForum = false): Row => ({ act: text, covers: commandNamed(text).name, expect: asDefined(commandNamed(text).who, pattern), run: say(text, inForum) });
/** A card press, expected to work for whoever its definition allows. */
const pressed = (verb: string, pattern: RegExp, data: Parameters<typeof press>[1] = () => ({})): Row => ({
  act: verb,
  covers: verb,
  expect: asDefined(actionFor(verb)!.who, pattern),
  run: press(verb, data),
});
const press = (verb: string, data: (p: Platform, role: Role) => Promise<Record<string, unknown>> | Record<string, unknown>) => async (p: Platform, role: Role) =>
  p.press(role, verb, { cv: 1, ...(await data(p, role)) });

const ROWS: Row[] = [
  typed('help', /feedback/),
  typed('feedback', /Share feedback/),
  typed('pulse', /Pulse questions/),
  typed('pulse new', /New pulse question/),
  {
    act: 'actions',
    covers: 'actions',
    expect: byRole({ owner: ok(/Your actions/), otherOwner: ok(/Your actions/), chair: ok(/Action plan/), admin: ok(/Action plan/) }, ok(/do not own any actions/)),
    run: say('actions'),
  },
  {
    act: 'actions.page',
    covers: 'actions.page',
    expect: byRole({ owner: ok(/Your actions/), otherOwner: ok(/Your actions/), chair: ok(/Action plan/), admin: ok(/Action plan/) }, ok(/do not own any actions/)),
    run: press('actions.page', () => ({ filter: '', page: 1 })),
  },
  typed('summary', /Summary for/),
  typed('schedule', /Report schedules/),
  typed('schedule summary monthly monday 09:00', /Forum summaries now go out on the first Monday of each month at 09:00/),
  typed('schedule digest weekly friday 16:00', /The chairs’ digest now goes out every Friday at 16:00/),
  pressed('schedule.set', /The chairs’ digest now goes out every Tuesday at 10:30/, () => ({ report: 'digest', repeat: 'weekly', weekday: '2', time: '10:30' })),
  typed('feedback list', /FB-1/),
  pressed('feedback.list', /FB-1/),
  pressed('feedback.open', /FB-1/, () => ({ number: 1 })),
  typed('export md', /./),
  typed('roles', /Roles/),
  typed('audit', /Audit log/),
  typed('plan', /plan/i),
  typed('profile', /Institution profile/),
  typed('narrative', /Self-assessment narrative/),
  pressed('narrative.list', /Self-assessment narrative/),
  pressed('narrative.edit', /Approach since signing/, () => ({ section: 'approach' })),
  typed('consultation', /Record a consultation/),
  pressed('narrative.save', /Saved “Approach since signing”/, () => ({ section: 'approach', text: 'Steering group since 2018.' })),
  pressed('consultation.add', /Recorded: workshop/, () => ({ formId: randomUUID(), heldOn: '2026-11-12', kind: 'workshop', participants: '20', summary: 'Draft plan workshop.' })),
  typed('quote FB-1', /FB-1/),
  typed('my data', /What Techvoice holds about you/),
  typed('link', /code/i),
  typed('forget me', /forget/i),
  { ...typed('forum', /forum “/, true), act: 'forum (in a channel)' },
  typed('language english', /I will speak to you in English/),
  { act: 'language network english', covers: 'language', expect: adminsOnly(/now get English/), run: say('language network english') },
  { act: 'language forum english (in a forum)', covers: 'language', expect: chairsOnly(/are now in English/), run: say('language forum english', true) },
  pressed('language.set', /feedback/, () => ({ language: 'en' })),
  pressed('feedback.submit', /FB-\d+/, () => ({ formId: randomUUID(), theme: 'Other', text: 'An idea', anonymous: 'true' })),
  {
    act: 'pulse.answer',
    covers: 'pulse.answer',
    expect: byRole({ outsider: refused(NOT_OURS) }, ok(/your answer .* is in|Your answer is now/)),
    run: press('pulse.answer', (p) => ({ roundId: p.roundId, answer: '4' })),
  },
  pressed('pulse.results', /Results P-1/, (p) => ({ roundId: p.roundId })),
  pressed('pulse.new', /New pulse question/),
  pressed('pulse.create', /was sent to/, () => ({
    formId: randomUUID(),
    text: 'Do you feel heard?',
    kind: 'yesno',
    choices: '',
    theme: 'Visibility',
    audience: 'members',
    closesDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    closesTime: '17:00',
    anonymous: 'true',
  })),
  { act: 'action.edit 1.6', covers: 'action.edit', expect: ownerOf16(/Update 1\.6/), run: press('action.edit', () => ({ number: '1.6' })) },
  {
    act: 'action.update 1.6',
    covers: 'action.update',
    expect: ownerOf16(/Saved: 1\.6 is now/),
    // Each role's note differs: an update that changes nothing is not saved (and says so).
    run: press('action.update', async (p, role) => ({ number: '1.6', version: (await p.store.getAction(p.networkId, '1.6'))!.version, status: 'amber', note: `Progress seen by ${role}` })),
  },
  { act: 'reminder.snooze 1.6', covers: 'reminder.snooze', expect: ownerOf16(/Snoozed/), run: press('reminder.snooze', () => ({ number: '1.6' })) },
  pressed('feedback.acknowledge', /FB-1/, () => ({ number: 1 })),
  pressed('feedback.link', /FB-1/, () => ({ number: 1, action: '1.6' })),
  pressed('feedback.reply', /FB-1/, () => ({ number: 1, reply: 'We have raised it with HR.' })),
  pressed('roles.set', /Saved: Mo Member/, async (p) => ({ member: await p.memberId('member'), roles: 'owner', email: '' })),
  {
    // The alias attack: an admin gives an account the member's e-mail. The e-mail decides which
    // actions someone owns, never who they are: only the member sees the member's answer.
    act: 'pulse.open after an admin gave this account the member’s e-mail',
    covers: 'pulse.open',
    expect: byRole({ member: ok(/You have answered this one/), outsider: refused(NOT_OURS) }, ok(/^(?![\s\S]*You have answered)[\s\S]*I feel heard/)),
    run: async (p, role) => {
      if (role === 'member') await p.press('member', 'pulse.answer', { cv: 1, roundId: p.aliasRoundId, answer: '2' });
      else if (role !== 'outsider') {
        const member = (await p.store.getMember(p.networkId, await p.memberId('member')))!;
        await p.press('admin', 'roles.set', { cv: 1, member: await p.memberId(role), roles: 'owner', email: member.email ?? '' });
      }
      return p.press(role, 'pulse.open', { cv: 1, roundId: p.aliasRoundId });
    },
  },
  // Last: marking 1.6 done and renaming the network change what the rows above read.
  {
    act: 'reminder.done 1.6',
    covers: 'reminder.done',
    expect: ownerOf16(/1\.6/),
    run: press('reminder.done', async (p) => ({ number: '1.6', version: (await p.store.getAction(p.networkId, '1.6'))!.version })),
  },
  pressed('profile.save', /Saved the institution profile/, () => ({ name: 'University of Midshire', stage: 'two' })),
];

/** Every `text` in a Slack call's arguments: messages, blocks, modal titles and buttons. */
function textsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsIn);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'text' && typeof value === 'string' ? [value] : textsIn(value)));
}

async function seed(store: Store, network: string, language: Language): Promise<{ roundId: string; aliasRoundId: string }> {
  await importActionPlan(store, network, readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8'), new Date().toISOString(), { language });
  const at = new Date().toISOString();
  await store.createFeedback(
    { networkId: network, theme: 'Recognition', text: 'Fund registration fees', anonymous: true, authorMemberId: null, status: 'new', linkedAction: null, reply: null, platform: 'teams', createdAt: at, updatedAt: at },
    'matrix-feedback',
  );
  const { value: question } = await store.createPulseQuestion(
    { networkId: network, text: 'I feel heard', kind: 'likert', choices: [], theme: 'Visibility', anonymous: true, audience: { type: 'members' }, schedule: null, windowHours: 168, createdBy: 'matrix', createdAt: at },
    'matrix-pulse',
  );
  const round = (id: string) => ({ id, networkId: network, questionNumber: question.number, opensAt: at, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), askedCount: 6, answerSalt: `salt-${id}`, createdAt: at });
  const roundId = `matrix-round-${network}`;
  const aliasRoundId = `matrix-alias-round-${network}`;
  await store.createRound(round(roundId));
  await store.createRound(round(aliasRoundId));
  return { roundId, aliasRoundId };
}

/** What a person reads on a card: everything shown (English), or only what is displayed (the Welsh pass leaves out identifiers). */
type Reader = (card: Record<string, unknown>) => string;

/** The Welsh pass: everyone reads Welsh; they type a few more commands (to choose it), so limits are off. */
const WELSH_ENV = { COMMAND_RATE_LIMIT: 'off', PRESS_RATE_LIMIT: 'off' };

async function teamsPlatform(read: Reader = cardText, welsh = false): Promise<Platform> {
  const bot = await startWorld(welsh ? WELSH_ENV : {});
  const outsider = user('Olga Outsider');
  const teamsUsers: Record<Exclude<Role, 'outsider'>, TeamsUser> = people;
  const network = await networkId(bot);
  const { roundId, aliasRoundId } = await seed(bot.store, network, welsh ? 'cy' : 'en');
  await bot.say(people.admin, 'forum', channel());
  const elsewhere = (activity: Record<string, unknown>) => ({
    ...activity,
    conversation: { ...(activity.conversation as object), tenantId: 'tenant-other' },
    channelData: { ...(activity.channelData as object), tenant: { id: 'tenant-other' } },
  });
  const texts = (before: number) =>
    bot.connector.sent
      .slice(before)
      .map((s) => [s.activity.text ?? '', ...((s.activity.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => read(a.content))].join('\n'))
      .join('\n');
  return {
    name: 'Teams',
    store: bot.store,
    networkId: network,
    roundId,
    aliasRoundId,
    async say(role, text, inForum = false) {
      const where: Where = inForum ? channel() : personal;
      if (role !== 'outsider') {
        const reply = await bot.say(teamsUsers[role], text, where);
        return [...reply.texts, ...reply.cards.map(read)].join('\n');
      }
      const before = bot.connector.sent.length;
      await bot.post(elsewhere(message(bot.connector.url, outsider, text, where)));
      return texts(before);
    },
    async press(role, verb, data) {
      if (role !== 'outsider') return read(await bot.press(teamsUsers[role], verb, data));
      const result = await bot.post(elsewhere(invoke(bot.connector.url, outsider, verb, { ...data, verb })));
      return read((result.body as { value: Record<string, unknown> }).value);
    },
    memberId: async (role) => (await memberOf(bot, teamsUsers[role])).id,
    close: () => bot.close(),
  };
}

async function slackPlatform(welsh = false): Promise<Platform> {
  const h = await startSlackWorld(welsh ? WELSH_ENV : {});
  const outsider: SlackUser = { id: 'U0OLGAOUT', name: 'Olga Outsider', email: 'olga@other.example.ac.uk' };
  h.slack.addUser(outsider);
  const slackUsers: Record<Exclude<Role, 'outsider'>, SlackUser> = slackPeople;
  const network = await slackNetworkId(h);
  const { roundId, aliasRoundId } = await seed(h.store, network, welsh ? 'cy' : 'en');
  await h.command(slackPeople.admin, 'forum', slackForum());
  const who = (role: Role) => (role === 'outsider' ? outsider : slackUsers[role]);
  const team = (role: Role) => (role === 'outsider' ? 'T0OTHERNET' : SLACK_TEAM);

  /** Everything the bot showed (messages, ephemeral answers, modals) after `before` calls, once it settles. */
  async function shownSince(before: number): Promise<string> {
    await h.slack.waitFor(() => h.slack.calls.length > before, 5000);
    let seen = -1;
    while (seen !== h.slack.calls.length) {
      seen = h.slack.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    return h.slack.calls
      .slice(before)
      .filter((c) => ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'respond', 'views.open', 'views.update', 'files.completeUploadExternal', 'files.getUploadURLExternal'].includes(c.method))
      .map((c) => [String(c.args.filename ?? ''), ...textsIn(c.args)].join('\n'))
      .join('\n');
  }

  async function signedPost(payload: URLSearchParams): Promise<void> {
    const body = payload.toString();
    const result = await h.post(body, 'application/x-www-form-urlencoded', slackSignature(body));
    assert.equal(result.status, 200);
  }

  return {
    name: 'Slack',
    store: h.store,
    networkId: network,
    roundId,
    aliasRoundId,
    async say(role, text, inForum = false) {
      const person = who(role);
      const where = inForum ? slackForum() : { channelId: `D${person.id}`, channelName: 'directmessage' };
      const before = h.slack.calls.length;
      await signedPost(
        new URLSearchParams({
          team_id: team(role),
          team_domain: 'technet',
          channel_id: where.channelId,
          channel_name: where.channelName,
          user_id: person.id,
          user_name: person.name,
          command: '/techvoice',
          text,
          api_app_id: 'A0TECHVOICE',
          response_url: h.slack.responseUrl(),
          trigger_id: `trigger-${randomUUID()}`,
        }),
      );
      return shownSince(before);
    },
    async press(role, verb, data) {
      const person = who(role);
      const before = h.slack.calls.length;
      const channelId = `D${person.id}`;
      await signedPost(
        new URLSearchParams({
          payload: JSON.stringify({
            type: 'block_actions',
            team: { id: team(role), domain: 'technet' },
            user: { id: person.id, username: person.name, team_id: team(role) },
            api_app_id: 'A0TECHVOICE',
            trigger_id: `trigger-${randomUUID()}`,
            response_url: h.slack.responseUrl(),
            container: { type: 'message', message_ts: '1700000000.000100', channel_id: channelId, is_ephemeral: false },
            channel: { id: channelId, name: 'directmessage' },
            message: { type: 'message', ts: '1700000000.000100', text: '', blocks: [] },
            state: { values: {} },
            actions: [{ type: 'button', action_id: `${verb}#0`, block_id: 'b', value: JSON.stringify({ ...data, verb }), text: { type: 'plain_text', text: verb }, action_ts: `${Date.now() / 1000}${Math.random()}` }],
          }),
        }),
      );
      return shownSince(before);
    },
    memberId: async (role) => (await slackMember(h, slackUsers[role])).id,
    close: () => h.close(),
  };
}

/** Acts the matrix leaves to their own tests, and why. */
const ELSEWHERE: Record<string, string> = {
  'privacy.forget': 'forgets the person who presses it; test/privacy covers it for every reader',
};

describe('Authorisation matrix: every command and button', () => {
  it('has a row for each one defined, so a new one cannot go untried', () => {
    const covered = new Set(ROWS.map((row) => row.covers));
    const missing = [...COMMANDS.map((c) => c.name), ...CARD_ACTIONS.map((a) => a.verb)].filter((act) => !covered.has(act) && !(act in ELSEWHERE));
    assert.deepEqual(missing, []);
  });
});

/** Rows that change the language of whoever runs them: the Welsh pass sets Welsh again after them. */
const CHANGES_LANGUAGE = new Set(['language', 'language.set']);

for (const [name, start] of [['Teams', () => teamsPlatform(seenOnCard, true)], ['Slack', () => slackPlatform(true)]] as const) {
  describe(`Authorisation matrix in Welsh: ${name}`, function () {
    this.timeout(120_000);
    let platform: Platform;
    const speakWelsh = async () => {
      for (const role of ROLES) await platform.say(role, 'iaith cymraeg');
    };
    before(async () => {
      platform = await start();
      await speakWelsh();
    });
    after(async () => {
      await platform.close();
    });

    for (const row of ROWS) {
      it(`${row.act}: the same roles may, and everyone reads Welsh`, async () => {
        for (const role of ROLES) {
          const expectation = row.expect[role];
          const shown = await row.run(platform, role);
          const where = `${row.act} as ${role} on ${platform.name}, in Welsh: ${shown.slice(0, 300)}`;
          if ('ok' in expectation) {
            for (const refusal of IN_WELSH.values()) assert.doesNotMatch(shown, refusal, where);
          } else {
            assert.match(shown, IN_WELSH.get(expectation.refused)!, where);
          }
          if (!CHANGES_LANGUAGE.has(row.covers)) assert.deepEqual(phrasesOfLanguageIn(shown, 'en'), [], where);
        }
        if (CHANGES_LANGUAGE.has(row.covers)) await speakWelsh();
      });
    }
  });
}

for (const [name, start] of [['Teams', () => teamsPlatform()], ['Slack', () => slackPlatform()]] as const) {
  describe(`Authorisation matrix: ${name}`, function () {
    this.timeout(120_000);
    let platform: Platform;
    before(async () => {
      platform = await start();
    });
    after(async () => {
      await platform.close();
    });

    for (const row of ROWS) {
      it(`${row.act}: ${ROLES.map((r) => `${r} ${'ok' in row.expect[r] ? '✓' : '✗'}`).join(', ')}`, async () => {
        for (const role of ROLES) {
          const expectation = row.expect[role];
          const shown = await row.run(platform, role);
          const where = `${row.act} as ${role} on ${platform.name}: ${shown.slice(0, 300)}`;
          if ('ok' in expectation) {
            assert.match(shown, expectation.ok, where);
            for (const refusal of [CHAIRS_ONLY, ADMINS_ONLY, OWNER_OF_16]) assert.doesNotMatch(shown, refusal, where);
          } else {
            assert.match(shown, expectation.refused, where);
          }
        }
      });
    }
  });
}
