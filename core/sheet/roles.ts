import { headerKey } from './normaliseHeader.js';

/** Columns that say which school a row is and who looks after it, rather than rate it. */
export const roles = [
  'school',
  'urn',
  'school-id',
  'officer-category',
  'officer',
  'phase',
  'head',
  'head-email',
  'data-date',
  'suggested-category',
  'why',
] as const;
export type Role = (typeof roles)[number];

/** The headings Waymark writes; a second run finds and reuses them. */
export const OUTPUT_HEADERS = { suggested: 'Suggested category', why: 'Why' } as const;

/** Headings each identity column goes by; matched by their words like indicator names. */
export const roleAliases: Record<Role, readonly string[]> = {
  school: ['School', 'School name', 'Name of school', 'Establishment', 'Establishment name', 'Name', 'Schools', 'Academy', 'Setting', 'Provider', 'School or academy'],
  urn: ['URN', 'DfE URN', 'Unique reference number', 'School URN', 'URN number'],
  'school-id': ['DfE number', 'DfE no', 'LAESTAB', 'LA ESTAB', 'Establishment number', 'DfE', 'DfE ref'],
  'officer-category': [
    'Category',
    'LA category',
    'Officer category',
    'Agreed category',
    'Current category',
    'Categorisation',
    'Categorization',
    'Support category',
    'Category of support',
    'Level of support',
    'Support level',
    'Final category',
    'RAG category',
    'Support tier',
    'Tier of support',
    'Cat',
    'LA category (agreed)',
    'Category agreed',
  ],
  officer: [
    'Officer',
    'SPA',
    'CPP',
    'SIA',
    'SIP',
    'Adviser',
    'Advisor',
    'Lead adviser',
    'Link adviser',
    'Named officer',
    'Named advisor',
    'Named adviser',
    'School improvement adviser',
    'School improvement officer',
    'School partnership adviser',
  ],
  phase: ['Phase', 'School phase', 'Phase of education'],
  head: ['Head', 'Headteacher', 'HT', 'Head of school', 'Executive head', 'Head teacher', 'Principal', 'Headteacher name', 'Head name'],
  'head-email': ['Head email', 'Headteacher email', 'Head teacher email', 'Head e-mail', 'Email', 'E-mail', 'Contact email'],
  'data-date': ['Data date', 'Last updated', 'Updated', 'As at', 'Data as at', 'Date of data', 'Date updated', 'Data collected'],
  'suggested-category': [OUTPUT_HEADERS.suggested],
  why: [OUTPUT_HEADERS.why],
};

const roleByKey = new Map<string, Role>();
for (const role of roles) {
  for (const alias of roleAliases[role]) roleByKey.set(headerKey(alias), role);
}

/**
 * Headings a team keeps for itself that Waymark reads past on purpose: notes, contacts,
 * addresses, school context and history. Listed as "ignored on purpose", never as "not
 * understood".
 */
export const IGNORED_HEADINGS: readonly string[] = [
  'Notes', 'Comments', 'Next steps', 'Actions', 'Narrative', 'Officer notes', 'Contact', 'Contact name',
  'Phone', 'Address', 'Postcode', 'Website', 'School email', 'Office email', 'Chair', 'Clerk',
  'Trust', 'MAT', 'Academy trust', 'Diocese', 'Religious character', 'Type', 'School type',
  'Establishment type', 'NOR', 'Pupils on roll', 'Roll', 'FSM', 'EAL', 'Age range', 'Ward', 'Locality', 'Area',
  'Cluster', 'Visit', 'Last visit', 'Next visit', 'Visit date', 'Previous category', 'Category history',
  'Change', 'Notes and actions', 'Key issues', 'Priorities', 'Capacity', 'Size',
];

/**
 * The role a heading plays, if it is one of the identity columns.
 *
 * @example
 * roleOfHeader('School Name') //=> 'school'
 * roleOfHeader('Suggested category') //=> 'suggested-category'
 */
export function roleOfHeader(text: string): Role | undefined {
  return roleByKey.get(headerKey(text));
}
