import { formatDate, RAG_LEGEND, RAG_NAMES } from '../format';
import { THEMES } from '../model';
import type { SubmissionData } from './document-data';
import { outcomesByAction, themeProgress } from './document-data';
import { submissionOutline, type OutlineItem } from './outline';
import type { PlanAction, PlanView } from './plans';
import { textBlocks, withoutControlCharacters } from './text-blocks';

/**
 * Text someone typed, safe as Markdown inline content: the characters that make emphasis,
 * code, links, images, tables or strike-through are backslash-escaped everywhere, a
 * heading, list, quote or rule marker at the start is escaped, and < > & become entities, so
 * raw HTML (`<script>`, `<img onerror>`) and links (`[x](javascript:…)`, `<javascript:…>`)
 * come out as the literal characters. Other punctuation is left as typed, so the Markdown
 * stays readable as text.
 */
export function markdownInline(text: string): string {
  return withoutControlCharacters(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/^([#+=-])|^(\d{1,9})([.)])(?=\s|$)/, (_, marker: string | undefined, digits: string, after: string) => (marker ? `\\${marker}` : `${digits}\\${after}`))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Paragraphs (with hard line breaks) and bulleted lists, from what someone typed. */
export function markdownBlocks(text: string): string {
  return textBlocks(text)
    .map((block) => (block.kind === 'bullets' ? block.items.map((item) => `- ${markdownInline(item)}`).join('\n') : block.lines.map(markdownInline).join('\\\n')))
    .join('\n\n');
}

/** One table cell: line breaks become <br> (the only HTML written, and never from the text itself). */
export function markdownCell(text: string): string {
  const lines = textBlocks(text).flatMap((block) => (block.kind === 'bullets' ? block.items.map((item) => `• ${markdownInline(item)}`) : block.lines.map(markdownInline)));
  return lines.join('<br>') || '–';
}

function markdownTable(head: readonly string[], rows: readonly string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`)].join('\n');
}

const NOT_WRITTEN = '_Not written yet: a chair or admin drafts this section in chat (type “submission”) or with the command techvoice narrative._';
const section = (text: string): string => (text.trim() ? markdownBlocks(text) : NOT_WRITTEN);
const due = (a: PlanAction) => (/^\d{4}-\d{2}-\d{2}$/.test(a.due) ? formatDate(a.due) : a.due || 'Ongoing');
const orBlank = (text: string) => text.trim() || 'not given yet';

function planTable(plan: PlanView, withRag: boolean): string {
  const head = withRag ? ['Theme', 'No.', 'Action', 'Owner', 'Due', 'RAG status', 'Progress / explanation', 'Evidence of impact'] : ['Theme', 'No.', 'Action', 'Owner', 'Due', 'Success measure'];
  const rows = THEMES.flatMap((theme) =>
    plan.actions
      .filter((a) => a.theme === theme)
      .map((a) => (withRag ? [theme, a.number, a.title, a.owner, due(a), RAG_NAMES[a.status], a.note, a.evidence] : [theme, a.number, a.title, a.owner, due(a), a.successMeasure])),
  );
  return markdownTable(head, rows);
}

function body(item: OutlineItem, data: SubmissionData): string[] {
  const out = item.question ? [`_${markdownInline(item.question)}_`, ''] : [];
  switch (item.kind) {
    case 'narrative':
      if (item.key === 'approach' && data.profile.governance.trim()) out.push('### Governance, reporting lines and resources', '', markdownBlocks(data.profile.governance), '', '### Approach', '');
      out.push(section(data.narrative[item.key]), '');
      if (item.key === 'progress' && data.rag.length) out.push('### The plan by theme', '', ...data.rag.map((r) => `- ${markdownInline(themeProgress(r))}`), '');
      if (item.key === 'impact' && data.pulses.length) {
        out.push('### What Techvoice recorded: pulse surveys', '');
        out.push(markdownTable(['Theme', 'Pulse rounds', 'Answers', 'Asked', 'Response rate', 'Average score (1–5)'], data.pulses.map((p) => [p.theme, String(p.rounds), String(p.answered), String(p.asked), p.asked ? `${Math.round((100 * p.answered) / p.asked)}%` : '–', p.average === null ? 'Not shown' : p.average.toFixed(1)])), '');
      }
      if (item.key === 'voice') {
        out.push('### Consultations with technicians', '');
        out.push(data.consultations.length ? markdownTable(['Date', 'Kind', 'People', 'Summary', 'Actions shaped'], data.consultations.map((c) => [formatDate(c.heldOn), c.kind, String(c.participants), c.summary, c.actionsShaped.join(', ')])) : 'No consultations have been recorded yet.', '');
        out.push('### Feedback from technicians, by theme', '');
        out.push(data.feedback.length ? markdownTable(['Theme', 'Items', 'New', 'Acknowledged', 'Led to an action', 'Closed with a reply'], data.feedback.map((f) => [f.theme, String(f.items), String(f.byStatus.new), String(f.byStatus.acknowledged), String(f.byStatus.linked), String(f.byStatus.closed)])) : 'No feedback has been given through Techvoice yet.', '');
        out.push('### You said, we did', '');
        out.push(data.outcomes.length ? markdownTable(['Action', 'Feedback that led to it', 'What we did'], outcomesByAction(data.outcomes).map((o) => [o.action, o.feedback, o.did])) : 'No feedback has been linked to an action yet.', '');
        if (data.quotes.length) {
          out.push('### In technicians’ own words', '');
          for (const q of data.quotes) out.push(`> “${markdownInline(q.text)}”  \n> — feedback on ${q.theme}, quoted with the chair’s consent`, '');
        }
      }
      return out;
    case 'rag': {
      const plan = data.previous!;
      out.push(`RAG status as at ${formatDate(plan.ragAsAt)}. Key: ${(['green', 'amber', 'red'] as const).map((s) => RAG_LEGEND[s]).join('; ')}.`, '');
      out.push(markdownTable(['Theme', 'Green – completed', 'Amber – in progress', 'Red – not yet done', 'Total'], data.rag.map((r) => [r.theme, String(r.green), String(r.amber), String(r.red), String(r.total)])), '');
      out.push('### Explanation for every red item', '');
      if (data.redItems.length === 0) out.push('No action of the previous plan is red.', '');
      for (const { action, explanation } of data.redItems) out.push(`**Action ${markdownInline(action.number)} – ${markdownInline(action.title)}** (Red – not yet done)`, '', markdownBlocks(explanation), '');
      return out;
    }
    case 'web':
      out.push(data.profile.webPage.trim() ? markdownInline(data.profile.webPage) : NOT_WRITTEN, '');
      return out;
    case 'sign-off':
      return [
        '**Technician Commitment Nominated Institutional Lead**', '', `Name: ${markdownInline(orBlank(data.profile.leadName))}  `, 'Signature: ____________________  ', 'Date: ____________________', '',
        '**Technician Commitment Signatory – Leader of Institution**', '', `Name: ${markdownInline(orBlank(data.profile.headName))}  `, 'Signature: ____________________  ', 'Date: ____________________', '',
      ];
  }
}

/** The self-assessment submission as Markdown, in the same order as the Word document. */
export function submissionMarkdown(data: SubmissionData): string {
  const outline = submissionOutline(data.stage);
  const { profile } = data;
  const out: string[] = [
    `# Technician Commitment: ${outline.title}`, '',
    `**${markdownInline(data.network.name)}** · ${formatDate(data.today)}`, '',
    markdownTable(['Contact details', ''], [
      ['Organisation', data.network.name],
      ['Name of Institutional Lead', orBlank(profile.leadName)],
      ['E-mail', orBlank(profile.leadEmail)],
      ['Contact number', orBlank(profile.leadPhone)],
      ['Signatory since', profile.signatoryDate ? formatDate(profile.signatoryDate) : 'not given yet'],
      ['Plan period', orBlank(profile.planPeriod)],
    ]), '',
  ];
  for (const item of outline.items) out.push(`## ${item.heading}`, '', ...body(item, data));
  if (data.stage === 'one') out.push('## Appendix A: the action plan', '', data.next?.actions.length ? planTable(data.next, false) : 'No actions have been imported yet.', '');
  else {
    out.push('## Appendix A: RAG analysis of the previous action plan', '', data.previous?.actions.length ? planTable(data.previous, true) : 'No actions have been imported yet.', '');
    out.push('## Appendix B: the new action plan', '', data.next?.actions.length ? planTable(data.next, false) : 'The new action plan is not held in Techvoice yet.', '');
  }
  return out.join('\n');
}
