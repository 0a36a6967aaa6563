/** Field limits, named once so the schemas and the forms agree. */
export const LIMITS = {
  /** A person's display name: long enough for "Mr. dr. ir. A.B.C. van den Berg-Oudshoorn". */
  displayName: 80,
  /** Organisation names such as "Hoogheemraadschap van Delfland" and longer formal names. */
  organisationName: 120,
  role: 80,
  workspaceName: 80,
  /** A short description, a few sentences; longer texts belong in documents. */
  description: 1000,
  website: 2048,
} as const;
