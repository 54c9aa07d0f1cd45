import { card, type Card } from './cards';
import type { Member } from './model';
import { isAdmin, isChair } from './session';

/** The commands a person can use, with what each does. */
export function helpCard(member: Member, intro = 'Hello! I help your technician network hear from everyone. Type one of these:'): Card {
  const chair = isChair(member);
  const admin = isAdmin(member);
  const commands = [
    { command: 'feedback', description: 'Share an idea or concern, anonymously if you like', show: true },
    { command: 'pulse', description: chair ? 'Create pulse questions and see results' : 'Answer open pulse questions', show: true },
    { command: 'actions [red|overdue|mine|theme …|owner …|page N]', description: chair ? 'See the action plan and its RAG status, ten at a time' : 'See and update the actions you own', show: true },
    { command: 'summary [days]', description: 'Post a summary of the last 30 days (or the days you give) here', show: chair },
    { command: 'feedback list', description: 'Acknowledge feedback, link it to an action and reply (“you said, we did”)', show: chair },
    { command: 'export [docx|md|csv]', description: 'Get the self-assessment submission (Word or Markdown) or the RAG analysis (CSV) as a file', show: chair },
    { command: 'narrative', description: 'Draft the sections of the self-assessment submission', show: chair },
    { command: 'consultation', description: 'Record a forum, workshop, focus group, survey or town hall that shaped the plan', show: chair },
    { command: 'quote FB-12 [off]', description: 'Allow (or stop) quoting a feedback item word for word in the submission, never with its author', show: chair },
    { command: 'profile', description: 'Edit the institution profile: name, institutional lead, web page, governance', show: admin },
    { command: 'plan [list|new|close|carry-over]', description: 'Keep the network’s plans: start the next one, close one (its RAG is kept), carry unfinished actions over', show: admin },
    { command: 'roles', description: 'Give people the chair, action owner or admin role', show: admin },
    { command: 'forum [name]', description: 'Register this channel as a forum', show: admin },
    { command: 'audit [days]', description: 'See what chairs and admins did (last 30 days)', show: admin },
    { command: 'my data', description: 'See what Techvoice holds about you', show: true },
    { command: 'link', description: 'Use Techvoice on both Teams and Slack as one person, with a one-time code', show: true },
    { command: 'forget me', description: 'Remove your name from everything you sent', show: true },
    { command: 'help', description: 'Show this list', show: true },
  ];
  return card('help', { intro, commands: commands.filter((c) => c.show).map(({ command, description }) => ({ command, description })) });
}
