import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { formatDate } from '../format';
import type { Language } from '../i18n/language';
import { ragLegend, ragName, themeName } from '../i18n/words';
import { CONSULTATION_KIND_NAMES, DOCUMENT_TEXT } from './document-text';
import { longDate } from './dates';
import type { RagStatus } from '../model';
import { THEMES } from '../model';
import type { ChartImage } from '../charts/draw';
import { fitColumnWidths, type ColumnSpec } from './column-widths';
import type { SubmissionData } from './document-data';
import { outcomesByAction, themeProgress } from './document-data';
import type { PlanAction, PlanView } from './plans';
import { submissionOutline, type OutlineItem } from './outline';
import { textBlocks, withoutControlCharacters } from './text-blocks';

/** The charts a document shows; either may be missing (nothing to draw). */
export interface SubmissionCharts {
  ragByTheme: ChartImage | null;
  pulseTrend: ChartImage | null;
}

const FONT = 'Arial';
const BODY_SIZE = 22; // half-points: 11 pt
const TABLE_SIZE = 18; // 9 pt
const BULLETS = 'submission-bullets';
/** A4 in twips, and the text width each orientation leaves. */
const A4 = { short: 11906, long: 16838 };
const PORTRAIT_MARGIN = 1134;
const LANDSCAPE_MARGIN = 851;
const PORTRAIT_WIDTH = A4.short - 2 * PORTRAIT_MARGIN;
const LANDSCAPE_WIDTH = A4.long - 2 * LANDSCAPE_MARGIN;
const RAG_FILL: Record<RagStatus, string> = { red: 'F4CCCC', amber: 'FCE5CD', green: 'D9EAD3' };
const HEADER_FILL = 'D9D9D9';

type Block = Paragraph | Table;

/** The language Word tags the text with, so its spelling checker and screen readers follow it. */
const DOCUMENT_LOCALE: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

/** Paragraphs with real line breaks, and bulleted lists as Word lists, from what someone typed. */
export function richText(text: string, size = BODY_SIZE, after = 120): Paragraph[] {
  return textBlocks(text).flatMap((block) =>
    block.kind === 'bullets'
      ? block.items.map((item) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, spacing: { after: after / 2 }, children: [new TextRun({ text: item, size })] }))
      : [new Paragraph({ spacing: { after }, children: block.lines.map((line, i) => new TextRun({ text: line, size, break: i > 0 ? 1 : 0 })) })],
  );
}

/** Lets an e-mail address wrap after its @ rather than mid-word when a column is narrow. */
const breakableEmail = (text: string): string => text.replace(/@/g, '@\u200B');

const para = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; colour?: string } = {}) =>
  new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: withoutControlCharacters(text), bold: options.bold, italics: options.italics, size: options.size, color: options.colour })] });

const heading = (text: string, level: 1 | 2 = 1) => new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(text)] });

const notWritten = (language: Language) => para(DOCUMENT_TEXT(language).notWritten, { italics: true, colour: '595959' });

const narrative = (text: string, language: Language): Paragraph[] => (text.trim() ? richText(text) : [notWritten(language)]);

interface Column extends ColumnSpec {
  /** Cells of this column are filled with their RAG colour (the word stays in the cell). */
  rag?: boolean;
}

function cell(text: string, width: number, options: { header?: boolean; fill?: string; span?: number; keepNext?: boolean } = {}): TableCell {
  const children = options.header ? [new Paragraph({ keepNext: options.keepNext, children: [new TextRun({ text, bold: true, size: TABLE_SIZE })] })] : richText(text, TABLE_SIZE, 60);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: children.length ? children : [new Paragraph('')],
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } } : {}),
  });
}

/** A row that spans the table, e.g. the theme a group of actions belongs to. */
export type GroupRow = { group: string };

/** A table fitted to its text, with a header row Word repeats on every page. */
function table(columns: readonly Column[], rows: readonly (string[] | GroupRow)[], total: number): Table {
  const textRows = rows.filter((r): r is string[] => Array.isArray(r));
  const widths = fitColumnWidths(columns, textRows, total);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.heading, widths[i], { header: true, fill: HEADER_FILL })) }),
      ...rows.map((row) =>
        Array.isArray(row)
          ? new TableRow({
              // A row moves to the next page whole (Word still splits one taller than a page).
              cantSplit: true,
              children: row.map((text, i) => {
                const status = columns[i].rag ? RAG_STATUSES.find((s) => ragName(s, 'en') === text || ragName(s, 'cy') === text) : undefined;
                return cell(text, widths[i], { fill: status ? RAG_FILL[status] : undefined });
              }),
            })
          : new TableRow({ cantSplit: true, children: [cell(row.group, total, { header: true, span: columns.length, fill: 'F2F2F2', keepNext: true })] }),
      ),
    ],
  });
}

function image(chart: ChartImage): Paragraph {
  const width = 620;
  return new Paragraph({
    spacing: { after: 200 },
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width, height: Math.round((width * chart.height) / chart.width) },
        altText: { name: chart.title, title: chart.title, description: chart.altText },
      }),
    ],
  });
}

const orBlank = (text: string, blank: string) => text.trim() || blank;
const RAG_STATUSES: readonly RagStatus[] = ['red', 'amber', 'green'];

function legend(language: Language): Paragraph[] {
  return [
    para(DOCUMENT_TEXT(language).legendTitle, { bold: true }),
    ...(['green', 'amber', 'red'] as const).map((s) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun({ text: ragLegend(s, language), size: BODY_SIZE })] })),
  ];
}

function planColumns(language: Language): Column[] {
  const t = DOCUMENT_TEXT(language);
  return [
    { heading: t.number, max: 900 },
    { heading: t.action },
    { heading: t.owner, max: 2900 },
    { heading: t.due, min: 1500, max: 1550 },
    { heading: t.ragStatus, min: 1000, max: 1100, rag: true },
    { heading: t.progressExplanation },
    { heading: t.evidenceOfImpact },
  ];
}

function newPlanColumns(language: Language): Column[] {
  const t = DOCUMENT_TEXT(language);
  return [
    { heading: t.number, max: 900 },
    { heading: t.action },
    { heading: t.owner, max: 2900 },
    { heading: t.due, min: 1500, max: 1550 },
    { heading: t.successMeasureEvidence, min: 4200 },
  ];
}

const due = (action: PlanAction, language: Language) => (/^\d{4}-\d{2}-\d{2}$/.test(action.due) ? formatDate(action.due, language) : action.due || DOCUMENT_TEXT(language).ongoing);

function byTheme(plan: PlanView, language: Language, row: (a: PlanAction) => string[]): (string[] | GroupRow)[] {
  return THEMES.flatMap((theme) => {
    const actions = plan.actions.filter((a) => a.theme === theme);
    return actions.length ? [{ group: themeName(theme, language) }, ...actions.map(row)] : [];
  });
}

function planTable(plan: PlanView, language: Language): Table {
  return table(planColumns(language), byTheme(plan, language, (a) => [a.number, a.title, breakableEmail(a.owner), due(a, language), ragName(a.status, language), a.note, a.evidence]), LANDSCAPE_WIDTH);
}

function newPlanTable(plan: PlanView, language: Language): Table {
  return table(newPlanColumns(language), byTheme(plan, language, (a) => [a.number, a.title, breakableEmail(a.owner), due(a, language), a.successMeasure]), LANDSCAPE_WIDTH);
}

function cover(data: SubmissionData, title: string): Block[] {
  const { profile, network, language } = data;
  const t = DOCUMENT_TEXT(language);
  const facts: [string, string][] = [
    [t.organisation, network.name],
    [t.leadName, orBlank(profile.leadName, t.notGiven)],
    [t.email, orBlank(profile.leadEmail, t.notGiven)],
    [t.contactNumber, orBlank(profile.leadPhone, t.notGiven)],
    [t.signatorySince, orBlank(longDate(profile.signatoryDate, language), t.notGiven)],
    [t.planPeriod, orBlank(profile.planPeriod, t.notGiven)],
    [t.ragAsAt, longDate(data.previous?.ragAsAt ?? data.next?.ragAsAt ?? data.today, language)],
  ];
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t.technicianCommitment)] }),
    para(title, { bold: true, size: 32 }),
    para(network.name, { size: 28 }),
    para(t.dated(longDate(data.today, language))),
    table([{ heading: t.contactDetails, max: 3800 }, { heading: '', min: PORTRAIT_WIDTH - 3800 }], facts.map(([k, v]) => [k, v]), PORTRAIT_WIDTH),
  ];
}

function signOff(data: SubmissionData): Block[] {
  const t = DOCUMENT_TEXT(data.language);
  const line = '______________________________________';
  // Each signatory's lines are kept on one page.
  const kept = (text: string, bold = false) => new Paragraph({ keepNext: true, keepLines: true, spacing: { after: 160 }, children: [new TextRun({ text, bold })] });
  const block = (role: string, name: string) => [
    kept(role, true),
    kept(t.signName(orBlank(name, line))),
    kept(t.signature(line)),
    new Paragraph({ spacing: { after: 360 }, children: [new TextRun(t.signDate(line))] }),
  ];
  return [
    new Paragraph({ keepNext: true, spacing: { after: 160 }, children: [new TextRun(t.signOffIntro)] }),
    ...block(t.nominatedLead, data.profile.leadName),
    ...block(t.leaderOfInstitution, data.profile.headName),
  ];
}

function ragAnalysis(data: SubmissionData, charts: SubmissionCharts): Block[] {
  const { language } = data;
  const t = DOCUMENT_TEXT(language);
  const plan = data.previous;
  if (!plan) return [para(t.noPreviousPlan)];
  const out: Block[] = [para(t.ragIntro(longDate(plan.ragAsAt, language), plan.actions.length, plan.period)), ...legend(language)];
  if (charts.ragByTheme) out.push(image(charts.ragByTheme));
  out.push(
    table(
      [{ heading: t.theme }, { heading: ragLegend('green', language) }, { heading: ragLegend('amber', language) }, { heading: ragLegend('red', language) }, { heading: t.total }],
      [...data.rag.map((r) => [themeName(r.theme, language), String(r.green), String(r.amber), String(r.red), String(r.total)]), [t.allThemes, ...(['green', 'amber', 'red', 'total'] as const).map((k) => String(data.rag.reduce((n, r) => n + r[k], 0)))]],
      PORTRAIT_WIDTH,
    ),
  );
  out.push(heading(t.redHeading, 2));
  if (data.redItems.length === 0) out.push(para(t.noRed));
  for (const { action, explanation } of data.redItems) {
    out.push(new Paragraph({ spacing: { before: 200, after: 80 }, keepNext: true, children: [new TextRun({ text: `${t.actionTitled(action.number, action.title)} (${ragLegend('red', language)})`, bold: true })] }), ...richText(explanation));
  }
  out.push(para(t.fullPlanInAppendix, { italics: true }));
  return out;
}

function impactFigures(data: SubmissionData, charts: SubmissionCharts): Block[] {
  const { language } = data;
  const t = DOCUMENT_TEXT(language);
  const out: Block[] = [heading(t.pulsesHeading, 2)];
  if (data.pulses.length === 0) out.push(para(t.noPulses));
  else {
    out.push(
      table(
        [{ heading: t.theme }, { heading: t.pulseRounds }, { heading: t.answers }, { heading: t.asked }, { heading: t.responseRate }, { heading: t.averageScore }],
        data.pulses.map((p) => [themeName(p.theme, language), String(p.rounds), String(p.answered), String(p.asked), p.asked ? `${Math.round((100 * p.answered) / p.asked)}%` : '–', p.average === null ? t.notShown : p.average.toFixed(1)]),
        PORTRAIT_WIDTH,
      ),
    );
    if (charts.pulseTrend) out.push(image(charts.pulseTrend));
    out.push(para(t.pulsesThreshold(data.anonymityThreshold), { italics: true, size: 18 }));
  }
  return out;
}

function voiceEvidence(data: SubmissionData): Block[] {
  const { language } = data;
  const t = DOCUMENT_TEXT(language);
  const out: Block[] = [heading(t.consultationsHeading, 2)];
  if (data.consultations.length === 0) out.push(para(t.noConsultations));
  else {
    out.push(
      table(
        [{ heading: t.date, min: 1500, max: 1550 }, { heading: t.kind, max: 1500 }, { heading: t.people, max: 1000 }, { heading: t.summary }, { heading: t.actionsShaped, max: 1500 }],
        data.consultations.map((c) => [formatDate(c.heldOn, language), CONSULTATION_KIND_NAMES(language)[c.kind], String(c.participants), c.summary, c.actionsShaped.join(', ') || '–']),
        PORTRAIT_WIDTH,
      ),
    );
  }
  out.push(heading(t.feedbackHeading, 2));
  if (data.feedback.length === 0) out.push(para(t.noFeedback));
  else {
    out.push(
      table(
        [{ heading: t.theme }, { heading: t.items }, { heading: t.statusNew }, { heading: t.statusAcknowledged }, { heading: t.statusLinked }, { heading: t.statusClosed }],
        data.feedback.map((f) => [themeName(f.theme, language), String(f.items), String(f.byStatus.new), String(f.byStatus.acknowledged), String(f.byStatus.linked), String(f.byStatus.closed)]),
        PORTRAIT_WIDTH,
      ),
    );
  }
  out.push(heading(t.youSaidWeDid, 2));
  if (data.outcomes.length === 0) out.push(para(t.noOutcomes));
  else {
    out.push(
      table(
        [{ heading: t.action }, { heading: t.feedbackThatLed, max: 2600 }, { heading: t.whatWeDid }],
        outcomesByAction(data.outcomes, language).map((o) => [o.action, o.feedback, o.did]),
        PORTRAIT_WIDTH,
      ),
    );
  }
  if (data.quotes.length) {
    out.push(heading(t.ownWords, 2));
    for (const quote of data.quotes) out.push(...richText(`“${quote.text}”`), para(t.quotedOn(themeName(quote.theme, language)), { italics: true, size: 18 }));
  }
  out.push(para(t.authorsNeverNamed, { italics: true, size: 18 }));
  return out;
}

function sectionBody(item: OutlineItem, data: SubmissionData, charts: SubmissionCharts): Block[] {
  const { language } = data;
  const t = DOCUMENT_TEXT(language);
  const question = para(item.question, { italics: true, colour: '404040' });
  switch (item.kind) {
    case 'narrative': {
      const out: Block[] = [question];
      if (item.key === 'approach' && data.profile.governance.trim()) out.push(heading(t.governanceHeading, 2), ...richText(data.profile.governance), heading(t.approachHeading, 2));
      out.push(...narrative(data.narrative[item.key], language));
      if (item.key === 'progress' && data.rag.length) out.push(heading(t.planByTheme, 2), ...data.rag.map((r) => para(themeProgress(r, language))));
      if (item.key === 'impact') out.push(...impactFigures(data, charts));
      if (item.key === 'voice') out.push(...voiceEvidence(data));
      if (item.key === 'new-plan') {
        const appendix = data.stage === 'one' ? t.appendixA : t.appendixB;
        out.push(para(data.next ? t.planInAppendix(appendix) : t.planNotHeld(appendix), { italics: true }));
      }
      return out;
    }
    case 'rag':
      return [question, ...ragAnalysis(data, charts)];
    case 'web':
      return [question, data.profile.webPage.trim() ? para(data.profile.webPage) : notWritten(language)];
    case 'sign-off':
      return signOff(data);
  }
}

/** The self-assessment submission as a Word document, in the order the guidance asks. */
export async function submissionDocx(data: SubmissionData, charts: SubmissionCharts): Promise<Buffer> {
  const { language } = data;
  const t = DOCUMENT_TEXT(language);
  const outline = submissionOutline(data.stage, language);
  const portrait: Block[] = [...cover(data, outline.title)];
  for (const item of outline.items) {
    portrait.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: item === outline.items[0], keepNext: true, children: [new TextRun(item.heading)] }));
    portrait.push(...sectionBody(item, data, charts));
  }
  const appendices: Block[] = [];
  if (data.stage === 'one') {
    appendices.push(heading(t.appendixPlan), ...(data.next?.actions.length ? [newPlanTable(data.next, language)] : [para(t.noActions)]));
  } else {
    appendices.push(heading(t.appendixRag), para(t.ragAsAtKey(longDate(data.previous!.ragAsAt, language), (['green', 'amber', 'red'] as const).map((s) => ragLegend(s, language)).join('; '))));
    appendices.push(data.previous!.actions.length ? planTable(data.previous!, language) : para(t.noActions));
    appendices.push(heading(t.appendixNewPlan), data.next?.actions.length ? newPlanTable(data.next, language) : para(t.newPlanAttachHere));
  }
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [t.footer(data.network.name, outline.title), PageNumber.CURRENT, ` ${t.pageOf} `, PageNumber.TOTAL_PAGES], size: 16 })] })],
  });
  const section = (orientation: 'portrait' | 'landscape', children: Block[]): ISectionOptions => ({
    properties: {
      page: {
        size: { width: A4.short, height: A4.long, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
        margin: orientation === 'portrait' ? { top: PORTRAIT_MARGIN, bottom: PORTRAIT_MARGIN, left: PORTRAIT_MARGIN, right: PORTRAIT_MARGIN } : { top: LANDSCAPE_MARGIN, bottom: LANDSCAPE_MARGIN, left: LANDSCAPE_MARGIN, right: LANDSCAPE_MARGIN },
      },
    },
    footers: { default: footer },
    children,
  });
  const document = new Document({
    creator: 'Techvoice',
    title: `${data.network.name}: ${outline.title}`,
    description: t.description,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE, language: { value: DOCUMENT_LOCALE[language] } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1F4E79' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1F4E79' }, paragraph: { spacing: { before: 240, after: 80 } } },
        title: { run: { font: FONT, size: 48, bold: true, color: '1F4E79' } },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 500, hanging: 280 } } } }],
        },
      ],
    },
    sections: [section('portrait', portrait), section('landscape', appendices)],
  });
  return Packer.toBuffer(document);
}

