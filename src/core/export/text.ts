import { defineText } from '../i18n/text';

/** What the export command says. The file's own words are in the submission's catalogues. */
export const EXPORT_TEXT = defineText(
  'export',
  {
    usage: 'Choose **export docx** (Word), **export csv** (spreadsheet) or **export md** (Markdown). Add **english** or **cymraeg** for the file’s language, e.g. **export docx cymraeg**.',
    unknownWord: (word: string) => `I don’t know “${word}” here.`,
    submissionDescription: (network: string) => `The Technician Commitment self-assessment submission of ${network}, with the RAG analysis of its action plan`,
    csvDescription: (network: string) => `RAG analysis of ${network}'s action plan for the Technician Commitment self-assessment`,
    csvHere: 'Here is the RAG analysis of the action plan as CSV.',
    markdown: 'Markdown',
    wordDocument: 'a Word document',
    submissionHere: (as: string) => `Here is the self-assessment submission as ${as}, in the order the guidance asks, ready for the institutional lead to check and sign.`,
    inWelsh: ' The file is in Welsh.',
    inEnglish: ' The file is in English.',
    privateOnly: 'I can only send the export to you privately. Open a chat with me (say **hello**), then try **export** again.',
    sentPrivately: 'I have sent the export to you in a private chat: it names action owners, so it stays out of the channel.',
    submissionFileName: 'self-assessment',
    csvFileName: 'rag-analysis',
    yes: 'Yes',
  },
  {
    usage: 'Dewiswch **allforio docx** (Word), **allforio csv** (taenlen) neu **allforio md** (Markdown). Ychwanegwch **cymraeg** neu **saesneg** i ddewis iaith y ffeil, e.e. **allforio docx saesneg**.',
    unknownWord: (word: string) => `Dydw i ddim yn deall “${word}” yma.`,
    submissionDescription: (network: string) => `Cyflwyniad hunanasesu Ymrwymiad y Technegwyr ${network}, gyda’r dadansoddiad RAG o’i gynllun gweithredu`,
    csvDescription: (network: string) => `Dadansoddiad RAG o gynllun gweithredu ${network} ar gyfer hunanasesiad Ymrwymiad y Technegwyr`,
    csvHere: 'Dyma’r dadansoddiad RAG o’r cynllun gweithredu fel CSV.',
    markdown: 'Markdown',
    wordDocument: 'dogfen Word',
    submissionHere: (as: string) => `Dyma’r cyflwyniad hunanasesu fel ${as}, yn y drefn y mae’r canllawiau’n gofyn amdani, yn barod i’r arweinydd sefydliadol ei wirio a’i lofnodi.`,
    inWelsh: ' Mae’r ffeil yn Gymraeg.',
    inEnglish: ' Mae’r ffeil yn Saesneg.',
    privateOnly: 'Dim ond yn breifat y gallaf anfon yr allforio atoch chi. Agorwch sgwrs gyda fi (dywedwch **helo**), yna rhowch gynnig ar **allforio** eto.',
    sentPrivately: 'Rwyf wedi anfon yr allforio atoch chi mewn sgwrs breifat: mae’n enwi perchnogion camau gweithredu, felly mae’n aros allan o’r sianel.',
    submissionFileName: 'hunanasesiad',
    csvFileName: 'dadansoddiad-rag',
    yes: 'Ie',
  },
);

