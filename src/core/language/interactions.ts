import { requireRole, defineCommand } from '../interactions';
import { recordAudit } from '../privacy/privacy';
import { chooseForumLanguage, chooseNetworkLanguage, choosePersonalLanguage } from './choose';
import { languageText } from './text';

/** `language` / `iaith`: a person's own language; `network …` for admins, `forum …` for chairs in a forum's channel. */
export const languageCommands = [
  defineCommand({
    name: 'language',
    usage: 'language [english|cymraeg]',
    help: 'Choose the language I speak to you in: English or Welsh (Cymraeg)',
    cy: { name: 'iaith', usage: 'iaith [cymraeg|saesneg]', help: 'Dewis yr iaith rwy’n siarad â chi ynddi: Cymraeg neu Saesneg (English)' },
    who: 'everyone',
    run: async (deps, session, args) => {
      const [first = '', ...rest] = args.trim().split(/\s+/);
      const scope = first.toLowerCase();
      if (scope === 'network' || scope === 'rhwydwaith') {
        requireRole(session, 'admins');
        const language = await chooseNetworkLanguage(deps, session, rest.join(' '));
        await recordAudit(deps.store, session, 'language network', language);
        return { text: languageText(language).networkSet(session.network.name) };
      }
      if (scope === 'forum' || scope === 'fforwm') {
        requireRole(session, 'chairs');
        const { forum, choice } = await chooseForumLanguage(deps, session, rest.join(' '));
        await recordAudit(deps.store, session, 'language forum', choice);
        const say = languageText(session.language);
        return { text: say.forumSet(forum, say.names(choice)) };
      }
      if (scope === '') return { text: languageText(session.language).current };
      const language = await choosePersonalLanguage(deps, session, args);
      return { text: languageText(language).chosen };
    },
  }),
];

