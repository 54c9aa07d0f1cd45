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
import { formatDate, RAG_LEGEND, RAG_NAMES } from '../format';
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

const notWritten = () => para('Not written yet: a chair or admin drafts this section in chat (type “submission”) or with the command techvoice narrative.', { italics: true, colour: '595959' });

const narrative = (text: string): Paragraph[] => (text.trim() ? richText(text) : [notWritten()]);

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
                const status = columns[i].rag ? (Object.keys(RAG_NAMES) as RagStatus[]).find((s) => RAG_NAMES[s] === text) : undefined;
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

const longDate = (isoDate: string): string => (isoDate ? formatDate(isoDate).replace(/^(\d+) (\w{3}) /, (_, d: string, m: string) => `${d} ${LONG_MONTHS[m] ?? m} `) : '');
const LONG_MONTHS: Record<string, string> = { Jan: 'January', Feb: 'February', Mar: 'March', Apr: 'April', May: 'May', Jun: 'June', Jul: 'July', Aug: 'August', Sep: 'September', Oct: 'October', Nov: 'November', Dec: 'December' };
const orBlank = (text: string, blank = 'not given yet') => text.trim() || blank;

function legend(): Paragraph[] {
  return [
    para('Key to the RAG status (every status is written in words as well as coloured):', { bold: true }),
    ...(['green', 'amber', 'red'] as const).map((s) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun({ text: RAG_LEGEND[s], size: BODY_SIZE })] })),
  ];
}

const PLAN_COLUMNS: Column[] = [
  { heading: 'No.', max: 900 },
  { heading: 'Action' },
  { heading: 'Owner', max: 2900 },
  { heading: 'Due', min: 1500, max: 1550 },
  { heading: 'RAG status', min: 1000, max: 1100, rag: true },
  { heading: 'Progress / explanation' },
  { heading: 'Evidence of impact' },
];

const NEW_PLAN_COLUMNS: Column[] = [
  { heading: 'No.', max: 900 },
  { heading: 'Action' },
  { heading: 'Owner', max: 2900 },
  { heading: 'Due', min: 1500, max: 1550 },
  { heading: 'Success measure / how impact will be evidenced', min: 4200 },
];

const due = (action: PlanAction) => (/^\d{4}-\d{2}-\d{2}$/.test(action.due) ? formatDate(action.due) : action.due || 'Ongoing');

function byTheme(plan: PlanView, row: (a: PlanAction) => string[]): (string[] | GroupRow)[] {
  return THEMES.flatMap((theme) => {
    const actions = plan.actions.filter((a) => a.theme === theme);
    return actions.length ? [{ group: theme }, ...actions.map(row)] : [];
  });
}

function planTable(plan: PlanView): Table {
  return table(PLAN_COLUMNS, byTheme(plan, (a) => [a.number, a.title, breakableEmail(a.owner), due(a), RAG_NAMES[a.status], a.note, a.evidence]), LANDSCAPE_WIDTH);
}

function newPlanTable(plan: PlanView): Table {
  return table(NEW_PLAN_COLUMNS, byTheme(plan, (a) => [a.number, a.title, breakableEmail(a.owner), due(a), a.successMeasure]), LANDSCAPE_WIDTH);
}

function cover(data: SubmissionData, title: string): Block[] {
  const { profile, network } = data;
  const facts: [string, string][] = [
    ['Organisation', network.name],
    ['Name of Institutional Lead', orBlank(profile.leadName)],
    ['E-mail', orBlank(profile.leadEmail)],
    ['Contact number', orBlank(profile.leadPhone)],
    ['Signatory of the Technician Commitment since', orBlank(longDate(profile.signatoryDate))],
    ['Plan period', orBlank(profile.planPeriod)],
    ['RAG status as at', longDate(data.previous?.ragAsAt ?? data.next?.ragAsAt ?? data.today)],
  ];
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Technician Commitment')] }),
    para(title, { bold: true, size: 32 }),
    para(network.name, { size: 28 }),
    para(`Date: ${longDate(data.today)}`),
    table([{ heading: 'Contact details', max: 3800 }, { heading: '', min: PORTRAIT_WIDTH - 3800 }], facts.map(([k, v]) => [k, v]), PORTRAIT_WIDTH),
  ];
}

function signOff(data: SubmissionData): Block[] {
  // Each signatory's lines are kept on one page.
  const kept = (text: string, bold = false) => new Paragraph({ keepNext: true, keepLines: true, spacing: { after: 160 }, children: [new TextRun({ text, bold })] });
  const block = (role: string, name: string) => [
    kept(role, true),
    kept(`Name: ${orBlank(name, '______________________________________')}`),
    kept('Signature: ______________________________________'),
    new Paragraph({ spacing: { after: 360 }, children: [new TextRun('Date: ______________________________________')] }),
  ];
  return [
    new Paragraph({ keepNext: true, spacing: { after: 160 }, children: [new TextRun('Finalised action plans are signed off at institutional leadership level (for example Vice-Chancellor, President or Director).')] }),
    ...block('Technician Commitment Nominated Institutional Lead', data.profile.leadName),
    ...block('Technician Commitment Signatory – Leader of Institution', data.profile.headName),
  ];
}

function ragAnalysis(data: SubmissionData, charts: SubmissionCharts): Block[] {
  const plan = data.previous!;
  const out: Block[] = [
    para(`RAG status as at ${longDate(plan.ragAsAt)}, for the ${plan.actions.length} actions of the previous plan${plan.period ? ` (${plan.period})` : ''}.`),
    ...legend(),
  ];
  if (charts.ragByTheme) out.push(image(charts.ragByTheme));
  out.push(
    table(
      [{ heading: 'Theme' }, { heading: 'Green – completed' }, { heading: 'Amber – in progress' }, { heading: 'Red – not yet done' }, { heading: 'Total' }],
      [...data.rag.map((r) => [r.theme, String(r.green), String(r.amber), String(r.red), String(r.total)]), ['All themes', ...(['green', 'amber', 'red', 'total'] as const).map((k) => String(data.rag.reduce((n, r) => n + r[k], 0)))]],
      PORTRAIT_WIDTH,
    ),
  );
  out.push(heading('Explanation for every red item', 2));
  if (data.redItems.length === 0) out.push(para('No action of the previous plan is red.'));
  for (const { action, explanation } of data.redItems) {
    out.push(new Paragraph({ spacing: { before: 200, after: 80 }, keepNext: true, children: [new TextRun({ text: `Action ${action.number} – ${action.title} (Red – not yet done)`, bold: true })] }), ...richText(explanation));
  }
  out.push(para('The full RAG-rated plan, with progress and evidence for every action, is in Appendix A.', { italics: true }));
  return out;
}

function impactFigures(data: SubmissionData, charts: SubmissionCharts): Block[] {
  const out: Block[] = [heading('What Techvoice recorded: pulse surveys', 2)];
  if (data.pulses.length === 0) out.push(para('No pulse questions have been asked through Techvoice yet.'));
  else {
    out.push(
      table(
        [{ heading: 'Theme' }, { heading: 'Pulse rounds' }, { heading: 'Answers' }, { heading: 'Asked' }, { heading: 'Response rate' }, { heading: 'Average score (1–5)' }],
        data.pulses.map((p) => [p.theme, String(p.rounds), String(p.answered), String(p.asked), p.asked ? `${Math.round((100 * p.answered) / p.asked)}%` : '–', p.average === null ? 'Not shown' : p.average.toFixed(1)]),
        PORTRAIT_WIDTH,
      ),
    );
    if (charts.pulseTrend) out.push(image(charts.pulseTrend));
    out.push(para(`Averages and trends count only pulse rounds with at least ${data.anonymityThreshold} answers, to protect anonymity.`, { italics: true, size: 18 }));
  }
  return out;
}

function voiceEvidence(data: SubmissionData): Block[] {
  const out: Block[] = [heading('Consultations with technicians', 2)];
  if (data.consultations.length === 0) out.push(para('No consultations have been recorded yet.'));
  else {
    out.push(
      table(
        [{ heading: 'Date', min: 1500, max: 1550 }, { heading: 'Kind', max: 1500 }, { heading: 'People', max: 1000 }, { heading: 'Summary' }, { heading: 'Actions shaped', max: 1500 }],
        data.consultations.map((c) => [formatDate(c.heldOn), c.kind, String(c.participants), c.summary, c.actionsShaped.join(', ') || '–']),
        PORTRAIT_WIDTH,
      ),
    );
  }
  out.push(heading('Feedback from technicians, by theme', 2));
  if (data.feedback.length === 0) out.push(para('No feedback has been given through Techvoice yet.'));
  else {
    out.push(
      table(
        [{ heading: 'Theme' }, { heading: 'Items' }, { heading: 'New' }, { heading: 'Acknowledged' }, { heading: 'Led to an action' }, { heading: 'Closed with a reply' }],
        data.feedback.map((f) => [f.theme, String(f.items), String(f.byStatus.new), String(f.byStatus.acknowledged), String(f.byStatus.linked), String(f.byStatus.closed)]),
        PORTRAIT_WIDTH,
      ),
    );
  }
  out.push(heading('You said, we did', 2));
  if (data.outcomes.length === 0) out.push(para('No feedback has been linked to an action yet.'));
  else {
    out.push(
      table(
        [{ heading: 'Action' }, { heading: 'Feedback that led to it', max: 2600 }, { heading: 'What we did' }],
        outcomesByAction(data.outcomes).map((o) => [o.action, o.feedback, o.did]),
        PORTRAIT_WIDTH,
      ),
    );
  }
  if (data.quotes.length) {
    out.push(heading('In technicians’ own words', 2));
    for (const quote of data.quotes) out.push(...richText(`“${quote.text}”`), para(`— feedback on ${quote.theme}, quoted with the chair’s consent; its author is not named`, { italics: true, size: 18 }));
  }
  out.push(para('Feedback authors are never named. Verbatim feedback appears only when a chair has cleared it for quoting, and only in a theme with enough feedback that it cannot point to one person.', { italics: true, size: 18 }));
  return out;
}

function sectionBody(item: OutlineItem, data: SubmissionData, charts: SubmissionCharts): Block[] {
  const question = para(item.question, { italics: true, colour: '404040' });
  switch (item.kind) {
    case 'narrative': {
      const out: Block[] = [question];
      if (item.key === 'approach' && data.profile.governance.trim()) out.push(heading('Governance, reporting lines and resources', 2), ...richText(data.profile.governance), heading('Approach', 2));
      out.push(...narrative(data.narrative[item.key]));
      if (item.key === 'progress' && data.rag.length) out.push(heading('The plan by theme', 2), ...data.rag.map((r) => para(themeProgress(r))));
      if (item.key === 'impact') out.push(...impactFigures(data, charts));
      if (item.key === 'voice') out.push(...voiceEvidence(data));
      if (item.key === 'new-plan') {
        const appendix = data.stage === 'one' ? 'Appendix A' : 'Appendix B';
        out.push(para(data.next ? `The action plan, with owners, due dates and success measures, is in ${appendix}.` : `The new action plan is not held in Techvoice yet: attach it as ${appendix}.`, { italics: true }));
      }
      return out;
    }
    case 'rag':
      return [question, ...ragAnalysis(data, charts)];
    case 'web':
      return [question, data.profile.webPage.trim() ? para(data.profile.webPage) : notWritten()];
    case 'sign-off':
      return signOff(data);
  }
}

/** The self-assessment submission as a Word document, in the order the guidance asks. */
export async function submissionDocx(data: SubmissionData, charts: SubmissionCharts): Promise<Buffer> {
  const outline = submissionOutline(data.stage);
  const portrait: Block[] = [...cover(data, outline.title)];
  for (const item of outline.items) {
    portrait.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: item === outline.items[0], keepNext: true, children: [new TextRun(item.heading)] }));
    portrait.push(...sectionBody(item, data, charts));
  }
  const appendices: Block[] = [];
  if (data.stage === 'one') {
    appendices.push(heading('Appendix A: the action plan'), ...(data.next?.actions.length ? [newPlanTable(data.next)] : [para('No actions have been imported yet.')]));
  } else {
    appendices.push(heading('Appendix A: RAG analysis of the previous action plan'), para(`RAG status as at ${longDate(data.previous!.ragAsAt)}. ${(['green', 'amber', 'red'] as const).map((s) => RAG_LEGEND[s]).join('; ')}.`));
    appendices.push(data.previous!.actions.length ? planTable(data.previous!) : para('No actions have been imported yet.'));
    appendices.push(heading('Appendix B: the new action plan'), data.next?.actions.length ? newPlanTable(data.next) : para('The new action plan is not held in Techvoice yet: attach it here.'));
  }
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${data.network.name} · ${outline.title} · page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })] })],
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
    description: 'Technician Commitment self-assessment submission',
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE, language: { value: 'en-GB' } } },
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

