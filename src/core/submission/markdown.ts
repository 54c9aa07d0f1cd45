import { formatDate } from '../format';
import type { Language } from '../i18n/language';
import { ragLegend, ragName, themeName } from '../i18n/words';
import { CONSULTATION_KIND_NAMES, DOCUMENT_TEXT } from './document-text';
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

const notWritten = (language: Language): string => `_${DOCUMENT_TEXT(language).notWritten}_`;
const section = (text: string, language: Language): string => (text.trim() ? markdownBlocks(text) : notWritten(language));
const due = (a: PlanAction, language: Language) => (/^\d{4}-\d{2}-\d{2}$/.test(a.due) ? formatDate(a.due, language) : a.due || DOCUMENT_TEXT(language).ongoing);
const orBlank = (text: string, language: Language) => text.trim() || DOCUMENT_TEXT(language).notGiven;
const legends = (language: Language) => (['green', 'amber', 'red'] as const).map((s) => ragLegend(s, language)).join('; ');

function planTable(plan: PlanView, withRag: boolean, language: Language): string {
  const t = DOCUMENT_TEXT(language);
  const head = withRag ? [t.theme, t.number, t.action, t.owner, t.due, t.ragStatus, t.progressExplanation, t.evidenceOfImpact] : [t.theme, t.number, t.action, t.owner, t.due, t.successMeasure];
  const rows = THEMES.flatMap((theme) =>
    plan.actions
      .filter((a) => a.theme === theme)
      .map((a) => {
        const shared = [themeName(theme, language), a.number, a.title, a.owner, due(a, language)];
        return withRag ? [...shared, ragName(a.status, language), a.note, a.evidence] : [...shared, a.successMeasure];
      }),
  );
  return markdownTable(head, rows);
}

function body(item: OutlineItem, data: SubmissionData): string[] {
  const { language } = data;
  const t = DOCUMENT_TEXT(language);
  const out = item.question ? [`_${markdownInline(item.question)}_`, ''] : [];
  switch (item.kind) {
    case 'narrative':
      if (item.key === 'approach' && data.profile.governance.trim()) out.push(`### ${t.governanceHeading}`, '', markdownBlocks(data.profile.governance), '', `### ${t.approachHeading}`, '');
      out.push(section(data.narrative[item.key], language), '');
      if (item.key === 'progress' && data.rag.length) out.push(`### ${t.planByTheme}`, '', ...data.rag.map((r) => `- ${markdownInline(themeProgress(r, language))}`), '');
      if (item.key === 'impact' && data.pulses.length) {
        out.push(`### ${t.pulsesHeading}`, '');
        out.push(markdownTable([t.theme, t.pulseRounds, t.answers, t.asked, t.responseRate, t.averageScore], data.pulses.map((p) => [themeName(p.theme, language), String(p.rounds), String(p.answered), String(p.asked), p.asked ? `${Math.round((100 * p.answered) / p.asked)}%` : '–', p.average === null ? t.notShown : p.average.toFixed(1)])), '');
      }
      if (item.key === 'voice') {
        out.push(`### ${t.consultationsHeading}`, '');
        out.push(data.consultations.length ? markdownTable([t.date, t.kind, t.people, t.summary, t.actionsShaped], data.consultations.map((c) => [formatDate(c.heldOn, language), CONSULTATION_KIND_NAMES(language)[c.kind], String(c.participants), c.summary, c.actionsShaped.join(', ')])) : t.noConsultations, '');
        out.push(`### ${t.feedbackHeading}`, '');
        out.push(data.feedback.length ? markdownTable([t.theme, t.items, t.statusNew, t.statusAcknowledged, t.statusLinked, t.statusClosed], data.feedback.map((f) => [themeName(f.theme, language), String(f.items), String(f.byStatus.new), String(f.byStatus.acknowledged), String(f.byStatus.linked), String(f.byStatus.closed)])) : t.noFeedback, '');
        out.push(`### ${t.youSaidWeDid}`, '');
        out.push(data.outcomes.length ? markdownTable([t.action, t.feedbackThatLed, t.whatWeDid], outcomesByAction(data.outcomes, language).map((o) => [o.action, o.feedback, o.did])) : t.noOutcomes, '');
        if (data.quotes.length) {
          out.push(`### ${t.ownWords}`, '');
          for (const q of data.quotes) out.push(`> “${markdownInline(q.text)}”  \n> ${t.quotedOnShort(themeName(q.theme, language))}`, '');
        }
      }
      return out;
    case 'rag': {
      const plan = data.previous;
      if (!plan) return [...out, t.noPreviousPlan, ''];
      out.push(t.ragAsAtKeyed(formatDate(plan.ragAsAt, language), legends(language)), '');
      out.push(markdownTable([t.theme, ragLegend('green', language), ragLegend('amber', language), ragLegend('red', language), t.total], data.rag.map((r) => [themeName(r.theme, language), String(r.green), String(r.amber), String(r.red), String(r.total)])), '');
      out.push(`### ${t.redHeading}`, '');
      if (data.redItems.length === 0) out.push(t.noRed, '');
      for (const { action, explanation } of data.redItems) out.push(`**${t.actionTitled(markdownInline(action.number), markdownInline(action.title))}** (${ragLegend('red', language)})`, '', markdownBlocks(explanation), '');
      return out;
    }
    case 'web':
      out.push(data.profile.webPage.trim() ? markdownInline(data.profile.webPage) : notWritten(language), '');
      return out;
    case 'sign-off': {
      const line = '____________________';
      const signatory = (role: string, name: string) => [`**${role}**`, '', `${t.signName(markdownInline(orBlank(name, language)))}  `, `${t.signature(line)}  `, t.signDate(line), ''];
      return [...signatory(t.nominatedLead, data.profile.leadName), ...signatory(t.leaderOfInstitution, data.profile.headName)];
    }
  }
}

/** The self-assessment submission as Markdown, in the same order as the Word document. */
export function submissionMarkdown(data: SubmissionData): string {
  const { language } = data;
  const t = DOCUMENT_TEXT(language);
  const outline = submissionOutline(data.stage, language);
  const { profile } = data;
  const out: string[] = [
    `# ${t.technicianCommitment}: ${outline.title}`, '',
    `**${markdownInline(data.network.name)}** · ${formatDate(data.today, language)}`, '',
    markdownTable([t.contactDetails, ''], [
      [t.organisation, data.network.name],
      [t.leadName, orBlank(profile.leadName, language)],
      [t.email, orBlank(profile.leadEmail, language)],
      [t.contactNumber, orBlank(profile.leadPhone, language)],
      [t.signatorySinceShort, profile.signatoryDate ? formatDate(profile.signatoryDate, language) : t.notGiven],
      [t.planPeriod, orBlank(profile.planPeriod, language)],
    ]), '',
  ];
  for (const item of outline.items) out.push(`## ${item.heading}`, '', ...body(item, data));
  if (data.stage === 'one') out.push(`## ${t.appendixPlan}`, '', data.next?.actions.length ? planTable(data.next, false, language) : t.noActions, '');
  else {
    out.push(`## ${t.appendixRag}`, '', data.previous?.actions.length ? planTable(data.previous, true, language) : t.noActions, '');
    out.push(`## ${t.appendixNewPlan}`, '', data.next?.actions.length ? planTable(data.next, false, language) : t.newPlanNotHeld, '');
  }
  return out.join('\n');
}
