/**
 * The seed sentences each clock is computed from, quoted exactly, so every date Waymark shows
 * can say where its rule comes from (seed 003 is the Tri-borough framework, 2013).
 */
export const CLOCK_SOURCES = {
  compliance: {
    seed: '003 Tri-borough, 5.8',
    text: 'The initial compliance period beginning with the day when the warning notice is given and ending 15 working days following that day, during which time the governing body is to address the concerns set out in the warning notice, or make representations to Ofsted against the warning notice.',
  },
  representations: {
    seed: '003 Tri-borough, 5.11',
    text: 'Such representations must be made in writing within 15 working days of receipt of the warning and copied to the local authority.',
  },
  ofstedDecision: {
    seed: '003 Tri-borough, 5.12',
    text: 'Ofsted must consider any representations and may confirm the warning notice or not. This will usually be within a period of ten working days after the receipt of the representations.',
  },
  interventionAfterConfirmation: {
    seed: '003 Tri-borough, 5.12',
    text: 'If Ofsted confirms the warning notice, the school is eligible for intervention after 15 working days beginning with the day on which Ofsted confirms the warning notice.',
  },
  interventionAfterNonCompliance: {
    seed: '003 Tri-borough, 5.16',
    text: "The local authority must judge whether the school has complied with the terms of the warning notice. If the local authority concludes that the school has failed to comply, then the school becomes 'eligible for intervention'.",
  },
  statementOfAction: {
    seed: '003 Tri-borough, 5.28',
    text: 'Produce a statement of action for submission to the DfE and Ofsted within at least ten working days of the publication of the inspection report.',
  },
} as const;

export type ClockId = keyof typeof CLOCK_SOURCES;
