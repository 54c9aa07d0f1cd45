import type { Language } from '../i18n/language';

/** The fields of an action a plan file can hold, and the headers people give them. */
export const PLAN_FIELDS = [
  'number',
  'shortTitle',
  'text',
  'theme',
  'edi',
  'owner',
  'ownerEmail',
  'due',
  'status',
  'note',
  'successMeasure',
  'evidence',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** Headers Techvoice writes (CSV export) and reads first: export → import gives the same actions. */
export const PLAN_HEADERS: Record<PlanField, string> = {
  number: 'Number',
  shortTitle: 'Short title',
  text: 'Action',
  theme: 'Theme',
  edi: 'EDI',
  owner: 'Owner',
  ownerEmail: 'Owner e-mail',
  due: 'Due',
  status: 'Status',
  note: 'Note',
  successMeasure: 'Success measure',
  evidence: 'Evidence',
};

/** The headers in Welsh: what a Welsh message names the columns, and what an import also reads. */
export const PLAN_HEADERS_CY: Record<PlanField, string> = {
  number: 'Rhif',
  shortTitle: 'Teitl byr',
  text: 'Cam gweithredu',
  theme: 'Thema',
  edi: 'CAC',
  owner: 'Perchennog',
  ownerEmail: 'E-bost perchennog',
  due: 'Dyddiad cau',
  status: 'Statws',
  note: 'Nodyn',
  successMeasure: 'Mesur llwyddiant',
  evidence: 'Tystiolaeth',
};

/** The headers a message in the language names the columns by. */
export const headersIn = (language: Language): Record<PlanField, string> => (language === 'cy' ? PLAN_HEADERS_CY : PLAN_HEADERS);

const WELSH_SYNONYMS: Record<PlanField, string[]> = {
  number: ['rhif', 'cyfeirnod'],
  shortTitle: ['teitl byr', 'teitl', 'crynodeb'],
  text: ['cam gweithredu', 'camau gweithredu', 'cam', 'camau', 'disgrifiad', 'amcan'],
  theme: ['thema', 'themau'],
  edi: ['cac', 'tag'],
  owner: ['perchennog', 'perchnogion', 'arweinydd', 'cyfrifol'],
  ownerEmail: ['e bost perchennog', 'e bost', 'ebost'],
  due: ['dyddiad cau', 'erbyn', 'dyddiad targed', 'terfyn amser', 'dyddiad'],
  status: ['statws', 'statws rag', 'cynnydd'],
  note: ['nodyn', 'nodiadau', 'sylwadau', 'esboniad', 'diweddariad', 'nodyn cynnydd'],
  successMeasure: ['mesur llwyddiant', 'mesurau llwyddiant', 'meini prawf llwyddiant'],
  evidence: ['tystiolaeth', 'tystiolaeth o effaith', 'tystiolaeth o gynnydd'],
};

const SYNONYMS: Record<PlanField, string[]> = {
  number: ['number', 'no', 'ref', 'reference', 'action number', 'action no', 'action ref', 'id', 'item'],
  shortTitle: ['short title', 'title', 'summary', 'headline', 'action title'],
  text: ['action', 'actions', 'objective', 'objectives', 'action text', 'description', 'action description', 'activity', 'what we will do'],
  theme: ['theme', 'themes', 'commitment theme', 'pillar', 'area'],
  edi: ['edi', 'edandi', 'equality diversity and inclusion', 'cross cutting', 'tag', 'tags'],
  owner: ['owner', 'owners', 'lead', 'leads', 'responsible', 'responsibility', 'who', 'action owner', 'lead person', 'accountable', 'led by'],
  ownerEmail: ['owner email', 'owner e mail', 'email', 'e mail', 'lead email', 'lead e mail', 'contact email', 'contact'],
  due: ['due', 'due date', 'target date', 'target', 'deadline', 'by when', 'timescale', 'timescales', 'timeline', 'date', 'completion date', 'when'],
  status: ['status', 'rag', 'rag status', 'rag rating', 'progress', 'current status'],
  note: ['note', 'notes', 'comment', 'comments', 'explanation', 'update', 'progress notes', 'progress explanation', 'progress update', 'commentary'],
  successMeasure: ['success measure', 'success measures', 'kpi', 'kpis', 'measure of success', 'measures of success', 'success criteria', 'how we will measure success', 'impact measure', 'outcome', 'outcomes'],
  evidence: ['evidence', 'evidence of impact', 'evidence of progress', 'impact evidence'],
};

const normalise = (header: string): string =>
  header
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const FIELD_BY_HEADER = new Map<string, PlanField>(
  PLAN_FIELDS.flatMap((field) => [...SYNONYMS[field], ...WELSH_SYNONYMS[field]].map((synonym) => [normalise(synonym), field] as const)),
);

/** "A", "B" … "Z", "AA": a column as Excel names it. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

export interface ColumnMap {
  /** Column index of each field found. */
  index: Partial<Record<PlanField, number>>;
  /** Headers that name no field, with their column letters. */
  unknown: { column: string; header: string }[];
  /** Fields named twice. */
  duplicates: { field: PlanField; columns: string[] }[];
  /** What each field's column is called in the file, for messages. */
  header: Partial<Record<PlanField, string>>;
}

export function mapColumns(headers: string[]): ColumnMap {
  const map: ColumnMap = { index: {}, unknown: [], duplicates: [], header: {} };
  const found = headers.map((h) => FIELD_BY_HEADER.get(normalise(h)));
  // A plan with only a "Title" column writes its action text there.
  const hasText = found.includes('text');
  headers.forEach((header, i) => {
    if (!header.trim()) return;
    let field = found[i];
    if (field === 'shortTitle' && !hasText && normalise(header) === 'title') field = 'text';
    if (!field) {
      map.unknown.push({ column: columnLetter(i), header: header.trim() });
      return;
    }
    const earlier = map.index[field];
    if (earlier !== undefined) {
      const duplicate = map.duplicates.find((d) => d.field === field);
      if (duplicate) duplicate.columns.push(columnLetter(i));
      else map.duplicates.push({ field, columns: [columnLetter(earlier), columnLetter(i)] });
      return;
    }
    map.index[field] = i;
    map.header[field] = header.trim();
  });
  return map;
}
