import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import { deriveId } from '../identity';
import type { ForumLanguage, Language } from '../i18n/language';
import type { Session } from '../session';
import { languageText } from './text';

const WORDS: Readonly<Record<string, ForumLanguage>> = {
  english: 'en', saesneg: 'en', en: 'en',
  cymraeg: 'cy', welsh: 'cy', cy: 'cy',
  both: 'both', bilingual: 'both', dwyieithog: 'both', 'y ddwy': 'both', 'y ddau': 'both',
};

/** The language a person names, in English or Welsh words. */
export function languageNamed(word: string): ForumLanguage | null {
  return WORDS[word.trim().toLowerCase()] ?? null;
}

function personalLanguage(word: string): Language {
  const named = languageNamed(word);
  if (named === null || named === 'both') throw new UserError((language) => languageText(language).unknown(word.slice(0, 40)));
  return named;
}

/** Saves a person's own choice; the answer is in the language they chose. */
export async function choosePersonalLanguage(deps: CoreDeps, session: Session, word: string): Promise<Language> {
  const language = personalLanguage(word);
  await deps.store.upsertMember({ ...session.member, language });
  return language;
}

export async function chooseNetworkLanguage(deps: CoreDeps, session: Session, word: string): Promise<Language> {
  const language = personalLanguage(word);
  await deps.store.updateNetwork({ ...session.network, language });
  return language;
}

/** Sets what the forum of this channel posts in. */
export async function chooseForumLanguage(deps: CoreDeps, session: Session, word: string): Promise<{ forum: string; choice: ForumLanguage }> {
  const choice = languageNamed(word);
  if (choice === null) throw new UserError((language) => languageText(language).forumChoices);
  const { conversation, requester } = session.inbound;
  const forum = await deps.store.getForum(session.network.id, deriveId('f', session.network.id, requester.platform, conversation.id));
  if (!forum) throw new UserError((language) => languageText(language).notAForum);
  await deps.store.upsertForum({ ...forum, language: choice });
  return { forum: forum.name, choice };
}
