import { Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { RAG_WORDS, type RagAnalysis } from './export-data';
import { ACTION_COLUMNS, actionRow, generatedOn, title } from './export-formats';

const RAG_FILL: Record<string, string> = { Red: 'F4CCCC', Amber: 'FCE5CD', Green: 'D9EAD3' };

function cell(text: string, bold = false): TableCell {
  const fill = RAG_FILL[text];
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
  });
}

function table(head: readonly string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ text });

/** The RAG analysis as a Word document laid out as the Stage Two self-assessment asks. */
export async function toDocx(analysis: RagAnalysis): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [heading(title(analysis), HeadingLevel.TITLE), para(generatedOn(analysis))];
  body.push(heading('RAG analysis by theme', HeadingLevel.HEADING_1));
  body.push(table(['Theme', 'Red', 'Amber', 'Green', 'Total'], analysis.ragTable.map((r) => [r.theme, String(r.red), String(r.amber), String(r.green), String(r.total)])));
  for (const { theme, actions } of analysis.byTheme) {
    body.push(heading(theme, HeadingLevel.HEADING_2), table(ACTION_COLUMNS, actions.map((a) => actionRow(analysis, a))));
  }
  body.push(heading('Explanation for every red item', HeadingLevel.HEADING_1));
  body.push(analysis.redItems.length ? table(['Number', 'Action', 'Owner', 'Explanation'], analysis.redItems.map((r) => [r.action.number, r.action.title, r.action.owner, r.explanation])) : para('No red items.'));
  body.push(heading('Evidence of impact', HeadingLevel.HEADING_1));
  body.push(analysis.impact.length ? table(['Number', 'Action', 'RAG status', 'Evidence'], analysis.impact.map((a) => [a.number, a.title, RAG_WORDS[a.status], a.evidence])) : para('No evidence recorded yet.'));
  body.push(heading('Appendix: technician voice', HeadingLevel.HEADING_1), heading('Pulse results', HeadingLevel.HEADING_2));
  body.push(
    analysis.pulses.length
      ? table(['Date', 'Pulse', 'Theme', 'Question', 'Answers', 'Asked', 'Result'], analysis.pulses.map((p) => [p.date, p.reference, p.theme, p.question, String(p.answered), String(p.asked), p.result]))
      : para('No pulse questions yet.'),
  );
  body.push(heading('Feedback by theme', HeadingLevel.HEADING_2));
  body.push(
    analysis.feedbackByTheme.length
      ? table(['Theme', 'Items', 'Led to action', 'First', 'Last'], analysis.feedbackByTheme.map((f) => [f.theme, String(f.items), String(f.ledToAction), f.first, f.last]))
      : para('No feedback yet.'),
  );
  body.push(heading('You said, we did: feedback that led to action', HeadingLevel.HEADING_2));
  body.push(
    analysis.feedbackToAction.length
      ? table(['Feedback', 'Date', 'Theme', 'Action', 'You said', 'We did'], analysis.feedbackToAction.map((f) => [f.reference, f.date, f.theme, `${f.action} ${f.actionTitle}`, f.said, f.did]))
      : para('No feedback has been linked to an action yet.'),
  );
  body.push(para(`Pulse results of rounds with fewer than ${analysis.network.anonymityThreshold} answers are withheld to protect anonymity. Feedback authors are never named.`));
  const document = new Document({ creator: 'Techvoice', title: title(analysis), sections: [{ children: body }] });
  return Packer.toBuffer(document);
}
